import { columnsOf, type TableName } from '../domain/tables'
import { toCsv } from '../studio/csv'

/**
 * One example row per table, for the Data view's template downloads. The rows refer to each
 * other (the event takes place in the example city, the outcome belongs to the example event),
 * so the eight templates together are a valid snapshot: a test loads them as one.
 */
export const TEMPLATE_ROWS: { readonly [T in TableName]: Readonly<Record<string, string>> } = {
  sources: {
    id: 'example-news-2025-05-23',
    title: '示例：某高校产学研合作对接会举行',
    publisher: '示例日报',
    original_publisher: '',
    publisher_en: 'Example Daily',
    published: '2025-05-23',
    url: 'https://example.org/news/1',
    note: '原文链接与发布时间；转载时写明原始发布单位',
  },
  places: {
    id: 'example-city',
    name_zh: '示例市',
    name_en: 'Example City',
    province_zh: '湖南',
    adcode: '430100',
    lng: '112.9388',
    lat: '28.2282',
  },
  organizations: {
    id: 'example-university',
    name_zh: '示例大学',
    name_en: 'Example University',
    short_zh: '示例大学',
    kind: 'university',
    place: 'example-city',
    parent: '',
  },
  sectors: { id: 'example-sector', name_zh: '示例领域', name_en: 'Example sector' },
  events: {
    id: 'example-event-2025',
    name_zh: '2025年示例产学研合作对接会',
    name_en: '2025 Example Industry–University Matchmaking Conference',
    series: '',
    edition: '',
    parent: '',
    start: '2025-05-23',
    end: '',
    date_basis: '正文“5月23日”',
    place: 'example-city',
    sector: 'example-sector',
    source: 'example-news-2025-05-23',
    summary_zh: '一句话概括活动',
    summary_en: 'The event in one sentence.',
  },
  event_orgs: {
    event: 'example-event-2025',
    org: 'example-university',
    role: 'host',
    source: 'example-news-2025-05-23',
    quote: '由示例大学主办',
  },
  outcomes: {
    id: 'example-event-2025-lab',
    event: 'example-event-2025',
    kind: 'joint_lab',
    status: 'unveiled',
    title_zh: '示例联合实验室',
    title_en: 'Example joint laboratory',
    parties: 'example-university',
    value: '约1.2亿元',
    value_metric: 'investment',
    sector: 'example-sector',
    counted_in: '',
    source: 'example-news-2025-05-23',
    quote: '揭牌成立示例联合实验室，投资约1.2亿元',
  },
  figures: {
    id: 'example-event-2025-signed',
    event: 'example-event-2025',
    subject: '',
    metric: 'projects_signed',
    scope: 'outcome',
    period: '',
    part_of: '',
    value: '20余项',
    unit: 'count',
    source: 'example-news-2025-05-23',
    quote: '现场签约项目20余项',
  },
}

/** `<table>.csv` with its header and the example row, as Excel and WPS open it (BOM, CRLF). */
export function templateCsv(table: TableName): string {
  const columns = columnsOf(table)
  return toCsv({ columns, rows: [columns.map((c) => TEMPLATE_ROWS[table][c] ?? '')] })
}
