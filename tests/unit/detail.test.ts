import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { eventDetail, orgDetail, type EventDetail, type OrgDetail } from '../../src/domain/detail'
import type { Dataset } from '../../src/domain/types'
import { ROLES } from '../../src/domain/vocab'
import { DATA_DIR, FIXTURES, edit, loadFiles, loadMini, readFolder } from '../helpers/snapshot'

async function load(files: Record<string, string>): Promise<Dataset> {
  const result = await loadFiles(files)
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
  return result.dataset
}

const loadData = () => load(readFolder(DATA_DIR))

function event(d: Dataset, id: string): EventDetail {
  const e = eventDetail(d, id)
  if (!e) throw new Error(`no event ${id}`)
  return e
}

function org(d: Dataset, id: string): OrgDetail {
  const o = orgDetail(d, id)
  if (!o) throw new Error(`no org ${id}`)
  return o
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id)

describe('eventDetail', () => {
  it('lists a conference’s sessions in date order then id, and a session’s conference', async () => {
    const d = await loadData()
    const conf = event(d, 'hunan-transfer-2024')
    expect(conf.parent).toBeNull()
    // All four sessions share the conference's day, so the id decides, not the file order.
    expect(ids(conf.sessions)).toEqual([
      'hunan-transfer-2024-ai',
      'hunan-transfer-2024-aviation',
      'hunan-transfer-2024-cas',
      'hunan-transfer-2024-polymer',
    ])
    const session = event(d, 'hunan-transfer-2024-polymer')
    expect(session.parent?.id).toBe('hunan-transfer-2024')
    expect(session.sessions).toEqual([])
    expect(session.sector?.id).toBe('polymer-materials')
    expect(session.place?.id).toBe('zhuzhou')
    expect(event(d, 'csu-alumni-2024-zhuzhou').place?.name.zh).toBe('株洲市')
  })

  it('resolves a session’s inherited place (mini fixture)', async () => {
    const d = await loadMini()
    const s1 = event(d, 'conf-a-s1')
    expect(s1.parent?.id).toBe('conf-a')
    expect(s1.place?.id).toBe('changsha')
    expect(ids(event(d, 'conf-a').sessions)).toEqual(['conf-a-s1'])
  })

  it('lists the editions of a series in date order, from a session too', async () => {
    const d = await loadData()
    // The snapshot has one event per series; an event without a series has none.
    expect(ids(event(d, 'gbh63-2025').series)).toEqual(['gbh63-2025'])
    expect(event(d, 'csu-alumni-2024').series).toEqual([])
    expect(event(d, 'hunan-transfer-2024-ai').series).toEqual([])

    const row = (id: string, ed: string, parent: string, start: string) =>
      `${id},第${ed}届,Edition ${ed},高博会,${ed},${parent},${start},,,changchun,,cahe-gbh63,,\n`
    const files = readFolder(DATA_DIR)
    const withEditions = await load({
      ...files,
      // The later edition first in the file: order must come from the dates.
      'events.csv':
        (files['events.csv'] ?? '') +
        row('gbh64-2025', '64', '', '2025-10') +
        row('gbh62-2024', '62', '', '2024-11-08') +
        // A session carrying the series name is still not an edition.
        row('gbh63-2025-forum', '63', 'gbh63-2025', '2025-05-23'),
    })
    const editions = ['gbh62-2024', 'gbh63-2025', 'gbh64-2025']
    expect(ids(event(withEditions, 'gbh63-2025').series)).toEqual(editions)
    expect(ids(event(withEditions, 'gbh64-2025').series)).toEqual(editions)
    expect(ids(event(withEditions, 'gbh63-2025-forum').series)).toEqual(editions)
    expect(ids(event(withEditions, 'gbh63-2025').sessions)).toEqual(['gbh63-2025-forum'])
    expect(event(withEditions, 'zgc-2025').series.map((e) => e.id)).toEqual(['zgc-2025'])
  })

  it('keeps part_of, parts and counted_in links on figures', async () => {
    const d = await loadData()
    const figs = new Map(event(d, 'gbh63-2025').figures.map((f) => [f.figure.id, f]))
    const brokered = figs.get('gbh63-2025-cooperation-projects')
    const signed = figs.get('gbh63-2025-signed-on-site')
    expect(brokered?.partOf).toBeNull()
    expect(ids(brokered?.parts ?? [])).toEqual(['gbh63-2025-signed-on-site'])
    expect(ids(brokered?.itemised ?? [])).toEqual([
      'gbh63-2025-sjtu-changchun',
      'gbh63-2025-tongji-changchun',
      'gbh63-2025-bucm-changchun',
    ])
    expect(signed?.partOf?.id).toBe('gbh63-2025-cooperation-projects')
    expect(ids(signed?.itemised ?? [])).toEqual(['gbh63-2025-zju-jilin'])
    // 57 signed is a part of 80余 brokered, but another metric: both headline.
    expect([brokered?.headline, signed?.headline]).toEqual([true, true])
    expect(figs.get('gbh63-2025-attendees')?.headline).toBe(false)
    expect(figs.get('gbh63-2025-universities-cooperating')?.partOf?.id).toBe(
      'gbh63-2025-universities',
    )

    const csu = new Map(event(d, 'csu-alumni-2024').figures.map((f) => [f.figure.id, f]))
    // 9 of the 14 labs are already inside the 14.
    expect(csu.get('csu-alumni-2024-joint-labs-council')?.headline).toBe(false)
    expect(ids(csu.get('csu-alumni-2024-joint-labs')?.parts ?? [])).toEqual([
      'csu-alumni-2024-joint-labs-council',
    ])
    expect(ids(csu.get('csu-alumni-2024-demand-sany')?.itemised ?? [])).toEqual([
      'csu-alumni-2024-sany-demand',
    ])

    const outcome = event(d, 'gbh63-2025').outcomes.find(
      (o) => o.outcome.id === 'gbh63-2025-zju-jilin',
    )
    expect(outcome?.countedIn?.id).toBe('gbh63-2025-signed-on-site')
    expect(ids(outcome?.parties ?? [])).toEqual(['zju', 'jilin-gov'])
  })

  it('names the subject of a figure, an org or a place', async () => {
    const d = await loadData()
    const subject = (eventId: string, figureId: string) => {
      const f = event(d, eventId).figures.find((x) => x.figure.id === figureId)
      return [f?.subjectKind, f?.subjectName?.zh]
    }
    expect(subject('hunan-transfer-2024-ai', 'hunan-transfer-2024-ai-park-firms')).toEqual([
      'org',
      '天元工业软件园',
    ])
    expect(subject('hunan-transfer-2024-aviation', 'hunan-transfer-2024-aviation-firms')).toEqual([
      'place',
      '芦淞区',
    ])
    expect(subject('gbh63-2025', 'gbh63-2025-attendees')).toEqual([null, undefined])
  })

  it('shows every figure and outcome of every event once, with its quote and source', async () => {
    const d = await loadData()
    const figures: string[] = []
    const outcomes: string[] = []
    for (const e of d.events) {
      const detail = event(d, e.id)
      const cited = new Set(ids(detail.sources))
      expect(cited.has(e.source)).toBe(true)
      for (const f of detail.figures) {
        expect(f.figure.event).toBe(e.id)
        expect(f.figure.quote).not.toBe('')
        expect(f.source.id).toBe(f.figure.source)
        expect(cited.has(f.source.id)).toBe(true)
        figures.push(f.figure.id)
      }
      for (const o of detail.outcomes) {
        expect(o.event.id).toBe(e.id)
        expect(o.outcome.quote).not.toBe('')
        expect(cited.has(o.source.id)).toBe(true)
        outcomes.push(o.outcome.id)
      }
      expect(detail.sources).toHaveLength(cited.size) // no source listed twice
      expect(detail.figures.map((f) => f.figure.id)).toEqual(
        ids(d.figures.filter((f) => f.event === e.id)),
      )
    }
    // Each figure once, none lost (the file has 68 rows).
    expect([...figures].sort()).toEqual(ids(d.figures).sort())
    expect(figures).toHaveLength(68)
    expect(new Set(outcomes).size).toBe(outcomes.length)
    expect(outcomes).toHaveLength(20)
    expect(ids(event(d, 'gbh63-2025').sources)).toEqual(['cahe-gbh63'])
  })

  it('groups roles in ROLES order, orgs in file order', async () => {
    const d = await loadData()
    const roles = event(d, 'zgc-2025').roles.map((g) => [g.role, ids(g.entries.map((x) => x.org))])
    expect(roles).toEqual([
      ['guide', ['ciur']],
      ['co_host', ['qxwq-platform', 'sjs-gov']],
      ['organiser', ['zgc-sjs-admin', 'zgc-jiantou', 'zgc-zhiku', 'zgc-iiot-park']],
      ['participant', ['hust', 'cosl', 'xjtu', 'lenovo', 'ncut', 'zgc-iiot-park', 'datang-gohigh']],
      ['speaker', ['ciur', 'xjtu', 'hust']],
    ])
    const csu = event(d, 'csu-alumni-2024').roles
    expect(csu.map((g) => g.role)).toEqual(['host', 'participant', 'speaker'])
    expect(csu[0]?.entries[0]?.quote).toBe(
      '中南大学校友企业家联谊会2024年年会暨科技创新与产业创新深度融合大会在长沙举行',
    )
    for (const e of d.events) {
      const order = event(d, e.id).roles.map((g) => ROLES.indexOf(g.role))
      expect(order).toEqual([...order].sort((a, b) => a - b))
    }
  })

  it('lists the universities and institutes that took part, not a host', async () => {
    const d = await loadData()
    // tsinghua-mse (a school, kind university) is both a participant and a party.
    expect(event(d, 'hunan-transfer-2024').partners).toEqual([
      'tsinghua-mse',
      'cas-isl',
      'csu',
      'hut',
    ])
    // tj-scri is a party only (its Jilin branch has the role).
    expect(event(d, 'gbh63-2025').partners).toEqual([
      'hit',
      'zju',
      'sjtu',
      'tongji',
      'bucm',
      'tj-scri-jilin',
      'jlu',
      'neu',
      'tj-scri',
    ])
    const files = readFolder(path.join(FIXTURES, 'mini'))
    const hosted = await load(
      edit(
        files,
        'event_orgs.csv',
        'conf-b,cas-isl,',
        'conf-b,csu,host,src-b,中南大学主办\nconf-b,cas-isl,',
      ),
    )
    expect(event(hosted, 'conf-b').roles[0]?.entries.map((x) => x.org.id)).toEqual(['csu'])
    expect(event(hosted, 'conf-b').partners).toEqual(['cas-isl', 'tsinghua-mse'])
  })

  it('returns null for an unknown id', async () => {
    const d = await loadData()
    expect(eventDetail(d, 'no-such-event')).toBeNull()
    expect(eventDetail(d, 'csu')).toBeNull()
    expect(eventDetail(d, '')).toBeNull()
  })
})

describe('orgDetail', () => {
  it('shows a university with its schools’ roles and outcomes, via the school', async () => {
    const d = await loadData()
    const t = org(d, 'tsinghua')
    expect(t.ancestors).toEqual([])
    // 材 (cái) before 航 (háng), although the file has the aero-engine institute first.
    expect(ids(t.members)).toEqual(['tsinghua-mse', 'tsinghua-aeir'])
    expect(t.roles.map((r) => [r.event.id, r.role])).toEqual([['csu-alumni-2024', 'participant']])
    expect(t.memberRoles.map((r) => [r.member.id, r.event.id])).toEqual([
      ['tsinghua-mse', 'hunan-transfer-2024'],
      ['tsinghua-aeir', 'hunan-transfer-2024-aviation'],
    ])
    expect(t.outcomes.map((o) => [o.outcome.id, o.via?.id])).toEqual([
      ['hunan-transfer-2024-tsinghua-weishang', 'tsinghua-mse'],
    ])
    expect(t.partners.map((p) => [p.org.id, p.outcomes])).toEqual([['hn-weishang', 1]])
    expect(t.events).toEqual([
      'hunan-transfer-2024',
      'hunan-transfer-2024-aviation',
      'csu-alumni-2024',
    ])

    const school = org(d, 'tsinghua-mse')
    expect(ids(school.ancestors)).toEqual(['tsinghua'])
    expect(school.outcomes.map((o) => o.via)).toEqual([null])
  })

  it('walks member units at any depth, and the parent chain nearest first', async () => {
    const d = await loadData()
    const csu = org(d, 'csu')
    expect(ids(csu.members)).toEqual(['csu-science-park', 'csu-alumni-assoc'])
    // The entrepreneurs' association sits under the alumni association, under CSU.
    expect(csu.memberRoles.map((r) => [r.member.id, r.event.id, r.role])).toEqual([
      ['csu-alumni-entrepreneurs', 'csu-alumni-2024', 'host'],
      ['csu-alumni-entrepreneurs', 'csu-alumni-2024', 'speaker'],
      ['csu-alumni-entrepreneurs', 'csu-alumni-2024-zhuzhou', 'participant'],
    ])
    expect(csu.roles.map((r) => r.event.id)).toEqual([
      'hunan-transfer-2024',
      'csu-alumni-2024',
      'csu-alumni-2024-gala',
      'csu-alumni-2024-zhuzhou',
    ])
    expect(csu.outcomes.map((o) => [o.outcome.id, o.via])).toEqual([
      ['csu-alumni-2024-tech-city', null],
      ['csu-alumni-2024-tech-city-centres', null],
      ['csu-alumni-2024-tech-city-labs', null],
    ])
    expect(csu.partners.map((p) => p.org.id).sort()).toEqual(['csedz', 'sany'])
    expect(ids(csu.subjectFigures.map((f) => f.figure))).toEqual([
      'hunan-transfer-2024-csu-firms',
      'hunan-transfer-2024-csu-listed',
      'hunan-transfer-2024-csu-alumni',
    ])
    expect(csu.subjectFigures[1]?.partOf?.id).toBe('hunan-transfer-2024-csu-firms')
    expect(ids(org(d, 'csu-alumni-entrepreneurs').ancestors)).toEqual(['csu-alumni-assoc', 'csu'])

    const cas = org(d, 'cas')
    expect(cas.members).toHaveLength(10)
    expect(cas.roles).toEqual([])
    expect(cas.events).toEqual(['hunan-transfer-2024', 'hunan-transfer-2024-cas'])
  })

  it('counts shared outcomes per partner and never lists its own tree as a partner', async () => {
    const files = readFolder(path.join(FIXTURES, 'mini'))
    const d = await load(
      edit(
        files,
        'outcomes.csv',
        'ob-project,',
        'ob-tree,conf-b,project,signed,清华联合项目,Tsinghua joint project,' +
          'tsinghua|tsinghua-mse|wsk|sany,,,,,src-b,签订项目合作协议\nob-project,',
      ),
    )
    const t = org(d, 'tsinghua')
    // The org itself is a party to ob-tree: no `via`, although its school is one too.
    expect(t.outcomes.map((o) => [o.outcome.id, o.via?.id ?? null])).toEqual([
      ['ob-project', 'tsinghua-mse'],
      ['ob-tree', null],
    ])
    expect(t.partners.map((p) => [p.org.id, p.outcomes])).toEqual([
      ['wsk', 2],
      ['sany', 1],
    ])
    // From the school's side, its university is no partner either.
    expect(org(d, 'tsinghua-mse').partners.map((p) => [p.org.id, p.outcomes])).toEqual([
      ['wsk', 2],
      ['sany', 1],
    ])
    const wsk = org(d, 'wsk')
    expect(wsk.partners.map((p) => [p.org.id, p.outcomes])).toEqual([
      ['tsinghua-mse', 2],
      // A tie goes to the name: 清 (qīng) before 三 (sān).
      ['tsinghua', 1],
      ['sany', 1],
    ])
  })

  it('returns null for an unknown id', async () => {
    const d = await loadMini()
    expect(orgDetail(d, 'no-such-org')).toBeNull()
    expect(orgDetail(d, 'conf-a')).toBeNull()
  })
})
