// Controlled vocabularies of the data model (DESIGN.md §2). Data files must use these ids;
// the validator rejects anything else, so a typo never becomes a new category.

export const ORG_KINDS = [
  'university',
  'institute',
  'enterprise',
  'government',
  'park',
  'association',
  'platform',
  'investor',
  'agency',
] as const
export type OrgKind = (typeof ORG_KINDS)[number]

export const ROLES = ['guide', 'host', 'co_host', 'organiser', 'participant', 'speaker'] as const
export type Role = (typeof ROLES)[number]

export const OUTCOME_KINDS = [
  'joint_lab',
  'project',
  'agreement',
  'platform',
  'demand_list',
  'donation',
  'investment',
  'talent',
  'company',
] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

export const OUTCOME_STATUSES = [
  'signed',
  'intent',
  'launched',
  'unveiled',
  'released',
  'planned',
] as const
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number]

/** What an outcome's value measures. Each is a different quantity and never shares a total. */
export const VALUE_METRICS = ['contract', 'investment', 'demand', 'donation', 'area'] as const
export type ValueMetric = (typeof VALUE_METRICS)[number]

export const SCOPES = ['outcome', 'attendance', 'context'] as const
export type Scope = (typeof SCOPES)[number]

export const QUALIFIERS = ['exact', 'approx', 'nearly', 'more_than', 'up_to'] as const
export type Qualifier = (typeof QUALIFIERS)[number]

/** Base units every parsed amount is normalised to. */
export const UNITS = ['yuan', 'count', 'm2', 'percent'] as const
export type Unit = (typeof UNITS)[number]

export interface MetricDef {
  id: string
  unit: Unit
  zh: string
  en: string
  /** May be summed across events (the same thing is not counted twice by different events). */
  additive: boolean
  /** May headline the big screen as a reported total. */
  kpi: boolean
}

/**
 * Metrics of figures.csv. Money metrics are kept apart on purpose: a contract value, an
 * investment, a demand list and a donation are different quantities.
 */
export const METRICS = [
  // outcomes of an event
  {
    id: 'cooperation_projects',
    unit: 'count',
    zh: '促成合作项目',
    en: 'Cooperation projects brokered',
    additive: true,
    kpi: true,
  },
  {
    id: 'projects_signed',
    unit: 'count',
    zh: '签约项目',
    en: 'Projects signed',
    additive: true,
    kpi: true,
  },
  {
    id: 'projects_released',
    unit: 'count',
    zh: '发布合作项目',
    en: 'Cooperation projects announced',
    additive: true,
    kpi: false,
  },
  {
    id: 'joint_labs',
    unit: 'count',
    zh: '联合实验室',
    en: 'Joint labs',
    additive: true,
    kpi: true,
  },
  {
    id: 'innovation_centres',
    unit: 'count',
    zh: '创新中心',
    en: 'Innovation centres',
    additive: true,
    kpi: false,
  },
  {
    id: 'contract_value',
    unit: 'yuan',
    zh: '签约金额',
    en: 'Contract value',
    additive: true,
    kpi: true,
  },
  { id: 'investment', unit: 'yuan', zh: '投资额', en: 'Investment', additive: true, kpi: false },
  {
    id: 'investment_and_contract_value',
    unit: 'yuan',
    zh: '投资及签约总额',
    en: 'Investment and contract value combined',
    additive: false,
    kpi: false,
  },
  {
    id: 'investment_signed',
    unit: 'yuan',
    zh: '招商引资签约额',
    en: 'Investment deals signed',
    additive: true,
    kpi: false,
  },
  {
    id: 'demand_value',
    unit: 'yuan',
    zh: '需求清单金额',
    en: 'Value of demand lists',
    additive: true,
    kpi: false,
  },
  {
    id: 'donation_value',
    unit: 'yuan',
    zh: '捐赠价值',
    en: 'Donations',
    additive: true,
    kpi: false,
  },
  {
    id: 'achievements_released',
    unit: 'count',
    zh: '发布科技成果',
    en: 'Research results presented',
    additive: true,
    kpi: false,
  },
  {
    id: 'achievements_collected',
    unit: 'count',
    zh: '征集科技成果',
    en: 'Research results collected',
    additive: true,
    kpi: false,
  },
  {
    id: 'demands_released',
    unit: 'count',
    zh: '发布技术需求',
    en: 'Technology needs published',
    additive: true,
    kpi: false,
  },
  {
    id: 'tech_transfers',
    unit: 'count',
    zh: '科技成果转化项目',
    en: 'Technology transfers',
    additive: true,
    kpi: false,
  },
  {
    id: 'talent_recruited',
    unit: 'count',
    zh: '引进人才',
    en: 'Talent recruited',
    additive: true,
    kpi: false,
  },
  {
    id: 'investment_projects',
    unit: 'count',
    zh: '引进投资项目',
    en: 'Investment projects attracted',
    additive: true,
    kpi: false,
  },
  {
    id: 'companies_registered',
    unit: 'count',
    zh: '新注册企业',
    en: 'Companies registered',
    additive: true,
    kpi: false,
  },
  {
    id: 'partner_firms',
    unit: 'count',
    zh: '达成合作企业',
    en: 'Firms reaching a cooperation agreement',
    additive: false,
    kpi: false,
  },
  {
    id: 'agencies_appointed',
    unit: 'count',
    zh: '聘任招才引智机构',
    en: 'Recruitment agencies appointed',
    additive: true,
    kpi: false,
  },
  {
    id: 'advisers_appointed',
    unit: 'count',
    zh: '聘任招才引智顾问',
    en: 'Recruitment advisers appointed',
    additive: true,
    kpi: false,
  },
  // attendance: the same organisation or person may come to several events, so never summed
  { id: 'attendees', unit: 'count', zh: '参会人数', en: 'Attendees', additive: false, kpi: false },
  {
    id: 'universities_attending',
    unit: 'count',
    zh: '参与高校',
    en: 'Universities taking part',
    additive: false,
    kpi: false,
  },
  {
    id: 'institutes_attending',
    unit: 'count',
    zh: '参与科研院所',
    en: 'Research institutes taking part',
    additive: false,
    kpi: false,
  },
  {
    id: 'enterprises_attending',
    unit: 'count',
    zh: '参与企业',
    en: 'Enterprises taking part',
    additive: false,
    kpi: false,
  },
  {
    id: 'parks_attending',
    unit: 'count',
    zh: '参与产业园区',
    en: 'Industrial parks taking part',
    additive: false,
    kpi: false,
  },
  {
    id: 'teams_served',
    unit: 'count',
    zh: '服务科研团队',
    en: 'Research teams served',
    additive: false,
    kpi: false,
  },
  // context: describes an organisation or a place, never an outcome of the event
  { id: 'members', unit: 'count', zh: '成员数', en: 'Members', additive: false, kpi: false },
  { id: 'firms', unit: 'count', zh: '企业数', en: 'Firms', additive: false, kpi: false },
  {
    id: 'industry_output',
    unit: 'yuan',
    zh: '产业产值',
    en: 'Industry output',
    additive: false,
    kpi: false,
  },
  {
    id: 'growth_rate',
    unit: 'percent',
    zh: '增长率',
    en: 'Growth rate',
    additive: false,
    kpi: false,
  },
  {
    id: 'projects_in_talks',
    unit: 'count',
    zh: '在谈项目',
    en: 'Projects under negotiation',
    additive: false,
    kpi: false,
  },
  { id: 'alumni', unit: 'count', zh: '校友人数', en: 'Alumni', additive: false, kpi: false },
  {
    id: 'platforms',
    unit: 'count',
    zh: '科创载体平台',
    en: 'Innovation platforms',
    additive: false,
    kpi: false,
  },
  { id: 'area', unit: 'm2', zh: '面积', en: 'Floor area', additive: false, kpi: false },
] as const satisfies readonly MetricDef[]

export type MetricId = (typeof METRICS)[number]['id']

const metricById = new Map<string, MetricDef>(METRICS.map((m) => [m.id, m]))

export function metricDef(id: string): MetricDef | undefined {
  return metricById.get(id)
}
