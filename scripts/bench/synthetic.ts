// Synthetic snapshots for `npm run bench` and `npm run data:synthetic`: N itemised outcomes with
// proportionate events, organisations, event roles and reported figures, in real Chinese cities.
// Everything is marked as made up (ids `syn-…`, names 合成…, publisher 合成数据), deterministic
// (seeded PRNG) and written outside data/ and dist/: it is never shipped as real data.
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { columnsOf, TABLE_NAMES, type TableName } from '../../src/domain/tables'
import { writeManifest } from '../lib/snapshot'

export type Row = Record<string, string>
export type SyntheticTables = Record<TableName, Row[]>

/** Where synthetic snapshots go by default: never under data/ or dist/. */
export const SYNTHETIC_ROOT = 'node_modules/.bench/synthetic'
/** The snapshot date of every synthetic snapshot. */
export const SYNTHETIC_DATE = '2026-01-01'

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Real cities with their adcodes and coordinates (city centre), over 31 provinces. */
const CITIES: readonly (readonly [string, string, string, string, string, number, number])[] = [
  // id, name_zh, name_en, province_zh, adcode, lng, lat
  ['beijing', '北京市', 'Beijing', '北京', '110000', 116.4074, 39.9042],
  ['shanghai', '上海市', 'Shanghai', '上海', '310000', 121.4737, 31.2304],
  ['tianjin', '天津市', 'Tianjin', '天津', '120000', 117.2009, 39.0842],
  ['chongqing', '重庆市', 'Chongqing', '重庆', '500000', 106.5516, 29.563],
  ['changsha', '长沙市', 'Changsha', '湖南', '430100', 112.9388, 28.2282],
  ['zhuzhou', '株洲市', 'Zhuzhou', '湖南', '430200', 113.134, 27.8274],
  ['xiangtan', '湘潭市', 'Xiangtan', '湖南', '430300', 112.944, 27.8297],
  ['yueyang', '岳阳市', 'Yueyang', '湖南', '430600', 113.1289, 29.3572],
  ['huaihua', '怀化市', 'Huaihua', '湖南', '431200', 109.9985, 27.555],
  ['changchun', '长春市', 'Changchun', '吉林', '220100', 125.3235, 43.8171],
  ['harbin', '哈尔滨市', 'Harbin', '黑龙江', '230100', 126.535, 45.8038],
  ['shenyang', '沈阳市', 'Shenyang', '辽宁', '210100', 123.4315, 41.8057],
  ['hohhot', '呼和浩特市', 'Hohhot', '内蒙古', '150100', 111.7492, 40.8426],
  ['hangzhou', '杭州市', 'Hangzhou', '浙江', '330100', 120.1551, 30.2741],
  ['ningbo', '宁波市', 'Ningbo', '浙江', '330200', 121.5504, 29.8746],
  ['wuhan', '武汉市', 'Wuhan', '湖北', '420100', 114.3054, 30.5931],
  ['xian', '西安市', "Xi'an", '陕西', '610100', 108.9398, 34.3413],
  ['xining', '西宁市', 'Xining', '青海', '630100', 101.7782, 36.6171],
  ['lanzhou', '兰州市', 'Lanzhou', '甘肃', '620100', 103.8343, 36.0611],
  ['guangzhou', '广州市', 'Guangzhou', '广东', '440100', 113.2644, 23.1291],
  ['shenzhen', '深圳市', 'Shenzhen', '广东', '440300', 114.0579, 22.5431],
  ['hefei', '合肥市', 'Hefei', '安徽', '340100', 117.2272, 31.8206],
  ['nanjing', '南京市', 'Nanjing', '江苏', '320100', 118.7969, 32.0603],
  ['suzhou', '苏州市', 'Suzhou', '江苏', '320500', 120.5853, 31.2989],
  ['chengdu', '成都市', 'Chengdu', '四川', '510100', 104.0665, 30.5723],
  ['jinan', '济南市', 'Jinan', '山东', '370100', 117.1205, 36.651],
  ['qingdao', '青岛市', 'Qingdao', '山东', '370200', 120.3826, 36.0671],
  ['zhengzhou', '郑州市', 'Zhengzhou', '河南', '410100', 113.6254, 34.7466],
  ['fuzhou', '福州市', 'Fuzhou', '福建', '350100', 119.2965, 26.0745],
  ['xiamen', '厦门市', 'Xiamen', '福建', '350200', 118.0894, 24.4798],
  ['nanchang', '南昌市', 'Nanchang', '江西', '360100', 115.8582, 28.6829],
  ['kunming', '昆明市', 'Kunming', '云南', '530100', 102.8329, 24.8801],
  ['guiyang', '贵阳市', 'Guiyang', '贵州', '520100', 106.6302, 26.6477],
  ['nanning', '南宁市', 'Nanning', '广西', '450100', 108.3669, 22.817],
  ['taiyuan', '太原市', 'Taiyuan', '山西', '140100', 112.5489, 37.8706],
  ['shijiazhuang', '石家庄市', 'Shijiazhuang', '河北', '130100', 114.5149, 38.0423],
  ['urumqi', '乌鲁木齐市', 'Urumqi', '新疆', '650100', 87.6168, 43.8256],
  ['haikou', '海口市', 'Haikou', '海南', '460100', 110.1999, 20.044],
  ['yinchuan', '银川市', 'Yinchuan', '宁夏', '640100', 106.2309, 38.4872],
  ['lhasa', '拉萨市', 'Lhasa', '西藏', '540100', 91.1409, 29.6456],
]

const SECTORS: readonly (readonly [string, string, string])[] = [
  ['new-materials', '新材料', 'New materials'],
  ['new-energy', '新能源', 'New energy'],
  ['intelligent-manufacturing', '智能制造', 'Intelligent manufacturing'],
  ['ai-software', '工业软件与人工智能', 'Industrial software & AI'],
  ['aviation', '航空与低空经济', 'Aviation & low-altitude economy'],
  ['rail-transit', '轨道交通', 'Rail transit'],
  ['ict', '电子信息与ICT', 'Electronics & ICT'],
  ['biomedicine', '生物医药', 'Biomedicine'],
  ['resources-environment', '资源与环境', 'Resources & environment'],
]

const ORG_KIND_WEIGHTS = [
  ['university', 30],
  ['enterprise', 45],
  ['institute', 10],
  ['government', 5],
  ['park', 4],
  ['association', 3],
  ['platform', 1],
  ['investor', 1],
  ['agency', 1],
] as const

const ORG_WORD: Record<string, string> = {
  university: '大学',
  enterprise: '科技有限公司',
  institute: '研究院',
  government: '科技局',
  park: '高新区',
  association: '科技协会',
  platform: '技术转移中心',
  investor: '创业投资基金',
  agency: '技术经纪服务所',
}

/** Outcome kind, the status it is reported with, and what its value measures (if any). */
const OUTCOME_SHAPES = [
  ['project', 'signed', 'contract', '合作项目'],
  ['agreement', 'signed', 'contract', '合作协议'],
  ['joint_lab', 'unveiled', '', '联合实验室'],
  ['platform', 'launched', '', '创新平台'],
  ['demand_list', 'released', 'demand', '技术需求清单'],
  ['investment', 'signed', 'investment', '投资项目'],
  ['donation', 'signed', 'donation', '捐赠'],
  ['talent', 'signed', '', '人才合作'],
  ['company', 'launched', '', '成果转化公司'],
] as const

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** A money amount as an article writes it, with the qualifiers the domain must keep. */
function money(r: () => number): string {
  const wan = 50 + Math.floor(r() * 9950)
  switch (Math.floor(r() * 6)) {
    case 0:
      return `约${wan}万元`
    case 1:
      return `超${wan}万元`
    case 2:
      return `近${(wan / 1000).toFixed(1)}亿元`
    case 3:
      return `${wan}余万元`
    default:
      return `${wan}万元`
  }
}

/** A count as an article writes it: 约120项, 超50家, 近400名, 80余项, 12项. */
function count(r: () => number, unit: string, max: number): string {
  const n = 2 + Math.floor(r() * max)
  switch (Math.floor(r() * 5)) {
    case 0:
      return `约${n}${unit}`
    case 1:
      return `超${n}${unit}`
    case 2:
      return `近${n}${unit}`
    case 3:
      return `${n}余${unit}`
    default:
      return `${n}${unit}`
  }
}

function isoDate(day: number): string {
  return new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A synthetic snapshot of `outcomes` itemised outcomes. Proportions: one conference per 80
 * outcomes and a session for every second conference, an organisation per 20 outcomes, 3–7
 * roles and 4–5 reported figures per conference, one source per conference.
 */
export function generateSynthetic(outcomes: number, seed = 7): SyntheticTables {
  const r = prng(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!
  const conferences = Math.max(4, Math.ceil(outcomes / 80))
  const orgCount = Math.max(20, Math.ceil(outcomes / 20))

  const places = CITIES.map(([id, zh, en, province, adcode, lng, lat]) => ({
    id: `syn-${id}`,
    name_zh: zh,
    name_en: en,
    province_zh: province,
    adcode,
    lng: lng.toFixed(4),
    lat: lat.toFixed(4),
  }))
  // Hunan's cities host more events, as in the curated data; every city hosts some.
  const placeWeights = CITIES.map((c) => (c[3] === '湖南' ? 4 : 1))
  const weightTotal = placeWeights.reduce((a, b) => a + b, 0)
  const pickPlace = (): string => {
    let x = r() * weightTotal
    for (let i = 0; i < places.length; i++) {
      x -= placeWeights[i]!
      if (x < 0) return places[i]!.id
    }
    return places[0]!.id
  }
  const cityName = new Map(places.map((p) => [p.id, p.name_zh.replace(/市$/, '')]))

  const sectors = SECTORS.map(([id, zh, en]) => ({ id: `syn-${id}`, name_zh: zh, name_en: en }))

  const kindTotal = ORG_KIND_WEIGHTS.reduce((a, [, w]) => a + w, 0)
  const pickKind = (): string => {
    let x = r() * kindTotal
    for (const [k, w] of ORG_KIND_WEIGHTS) {
      x -= w
      if (x < 0) return k
    }
    return 'enterprise'
  }
  const organizations: Row[] = []
  const universities: string[] = []
  const byKind = new Map<string, string[]>()
  for (let i = 1; i <= orgCount; i++) {
    const id = `syn-org-${pad(i, 6)}`
    const kind = i <= 3 ? 'university' : i <= 6 ? 'enterprise' : pickKind()
    const place = pickPlace()
    // Some institutes and enterprises belong to an earlier university: no cycles possible.
    const parent =
      (kind === 'institute' || kind === 'enterprise') && universities.length && r() < 0.1
        ? pick(universities)
        : ''
    const name = `合成${cityName.get(place)}第${i}${ORG_WORD[kind]}`
    organizations.push({
      id,
      name_zh: name,
      name_en: `Synthetic ${kind} ${i}`,
      short_zh: `合成${kind === 'university' ? '大学' : '单位'}${i}`,
      kind,
      place,
      parent,
    })
    if (kind === 'university') universities.push(id)
    const list = byKind.get(kind) ?? []
    list.push(id)
    byKind.set(kind, list)
  }
  const orgIds = organizations.map((o) => o.id!)
  const partners = [...(byKind.get('university') ?? []), ...(byKind.get('institute') ?? [])]
  const firms = byKind.get('enterprise') ?? []

  const sources: Row[] = []
  const events: Row[] = []
  const eventOrgs: Row[] = []
  const figures: Row[] = []
  /** The conference of each event, with the figure its signed projects are counted in. */
  const eventPool: { id: string; signedFigure: string; sector: string; city: string }[] = []
  const days = Math.floor((Date.UTC(2025, 11, 1) - Date.UTC(2019, 0, 1)) / 86_400_000)
  for (let c = 1; c <= conferences; c++) {
    const id = `syn-e-${pad(c, 5)}`
    const place = pickPlace()
    const startDay = Math.floor(r() * days)
    const start = isoDate(startDay)
    const end = isoDate(startDay + Math.floor(r() * 3))
    const source = `syn-s-${pad(c, 5)}`
    const city = cityName.get(place)!
    const name = `合成${city}产学研合作对接会${pad(c, 5)}`
    sources.push({
      id: source,
      title: `合成报道：${name}举行`,
      publisher: '合成数据',
      original_publisher: '',
      published: end,
      url: '',
      note: `synthetic (scripts/gen-synthetic.ts, seed ${seed}): not a real report`,
    })
    events.push({
      id,
      name_zh: name,
      name_en: `Synthetic matchmaking conference ${c}, ${places.find((p) => p.id === place)!.name_en}`,
      series: '',
      edition: '',
      parent: '',
      start,
      end,
      date_basis: '',
      place,
      sector: '',
      source,
      summary_zh: `合成数据：${name}在${city}举行，仅用于性能测试。`,
      summary_en: 'Synthetic data for performance tests only.',
    })
    const sector = pick(sectors).id
    const ids = [id]
    if (c % 2 === 0) {
      const session = `${id}-s`
      events.push({
        id: session,
        name_zh: `${name}分论坛`,
        name_en: `Synthetic session of conference ${c}`,
        series: '',
        edition: '',
        parent: id,
        start,
        end,
        date_basis: '',
        place: '',
        sector,
        source,
        summary_zh: '',
        summary_en: '',
      })
      ids.push(session)
    }
    // Roles: a host, an organiser, and a few universities and firms taking part.
    const roleOrgs = new Set<string>()
    const addRole = (org: string | undefined, role: string) => {
      if (!org || roleOrgs.has(`${org}/${role}`)) return
      roleOrgs.add(`${org}/${role}`)
      eventOrgs.push({ event: id, org, role, source, quote: '' })
    }
    addRole(pick(byKind.get('government') ?? orgIds), 'host')
    addRole(pick(orgIds), 'organiser')
    const n = 1 + Math.floor(r() * 5)
    for (let k = 0; k < n; k++) addRole(pick(k % 2 ? firms : partners), 'participant')
    // Reported figures: totals with the qualifiers articles use, one part of another.
    const f = (suffix: string) => `${id}-${suffix}`
    figures.push(
      row(f('coop'), id, '', 'cooperation_projects', 'outcome', '', count(r, '项', 200)),
      row(f('signed'), id, '', 'projects_signed', 'outcome', f('coop'), count(r, '项', 60)),
      row(f('value'), id, '', 'contract_value', 'outcome', '', money(r)),
      row(f('attendees'), id, '', 'attendees', 'attendance', '', count(r, '名', 800)),
    )
    if (c % 3 === 0) {
      figures.push(row(f('firms'), id, pick(orgIds), 'firms', 'context', '', count(r, '家', 500)))
    }
    for (const e of ids) eventPool.push({ id: e, signedFigure: f('signed'), sector, city })
  }
  function row(
    id: string,
    event: string,
    subject: string,
    metric: string,
    scope: string,
    partOf: string,
    value: string,
  ): Row {
    return {
      id,
      event,
      subject,
      metric,
      scope,
      period: '',
      part_of: partOf,
      value,
      unit: '',
      source: sources[sources.length - 1]!.id!,
      quote: `合成：${value}`,
    }
  }

  const sourceOf = new Map(events.map((e) => [e.id!, e.source!]))
  const outcomeRows: Row[] = []
  for (let i = 1; i <= outcomes; i++) {
    const e = pick(eventPool)
    const [kind, status, metric, word] = pick(OUTCOME_SHAPES)
    const value = metric === '' || r() < 0.4 ? '' : money(r)
    const parties = new Set([pick(partners.length ? partners : orgIds)])
    if (r() < 0.7) parties.add(pick(firms.length ? firms : orgIds))
    if (r() < 0.15) parties.add(pick(orgIds))
    outcomeRows.push({
      id: `syn-o-${pad(i, 7)}`,
      event: e.id,
      kind,
      status,
      title_zh: `合成${word}${pad(i, 7)}`,
      title_en: `Synthetic ${kind} ${i}`,
      parties: [...parties].join('|'),
      value: metric === '' ? '' : value,
      value_metric: metric === '' || value === '' ? '' : metric,
      sector: r() < 0.8 ? e.sector : '',
      counted_in: kind === 'project' && r() < 0.5 ? e.signedFigure : '',
      source: sourceOf.get(e.id)!,
      // About as long as a real quote: 100,000 outcomes make about 25 MB, as the loader expects.
      quote: `合成数据：${e.city}活动现场，合作双方签约${word}${value ? `，金额${value}` : ''}（仅供性能测试，非真实报道）`,
    })
  }

  return {
    sources,
    places,
    organizations,
    sectors,
    events,
    event_orgs: eventOrgs,
    outcomes: outcomeRows,
    figures,
  }
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** A table as RFC 4180 CSV with the schema's columns in order, as curators save them. */
export function toCsv(table: TableName, rows: readonly Row[]): string {
  const columns = columnsOf(table)
  const lines = [columns.join(',')]
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c] ?? '')).join(','))
  return lines.join('\n') + '\n'
}

/**
 * Writes a synthetic snapshot folder (eight CSV files, then manifest.json, as a curator
 * publishes) and returns its tables. Refuses to write into the curated data/ or dist/.
 */
export async function writeSynthetic(
  dir: string,
  outcomes: number,
  seed = 7,
): Promise<SyntheticTables> {
  const abs = path.resolve(dir)
  for (const shipped of ['data', 'dist', 'public']) {
    const s = path.resolve(shipped)
    if (abs === s || abs.startsWith(s + path.sep)) {
      throw new Error(`${dir}: synthetic data must not be written into ${shipped}/`)
    }
  }
  const tables = generateSynthetic(outcomes, seed)
  await rm(abs, { recursive: true, force: true })
  await mkdir(abs, { recursive: true })
  for (const t of TABLE_NAMES) await writeFile(path.join(abs, `${t}.csv`), toCsv(t, tables[t]))
  await writeManifest(abs, SYNTHETIC_DATE)
  return tables
}

/** `1k`, `10k`, `100k`, `2500` → a number of outcomes. */
export function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(text.trim())
  if (!m) throw new Error(`${text}: expected a number of outcomes such as 1000, 1k or 100k`)
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1))
}
