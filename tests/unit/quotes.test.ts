import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSnapshotDir } from '../../scripts/lib/snapshot'
import { DATA_DIR, FIXTURES } from '../helpers/snapshot'

/** Whitespace and inserted pinyin reading aids (會(huì)) are not part of the article's words. */
function normalise(text: string): string {
  return text.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '').replace(/\s+/g, '')
}

describe('the curated snapshot', async () => {
  const result = await loadSnapshotDir(DATA_DIR)

  it('validates with no problems at all', () => {
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
  })

  const d = result.dataset!
  const seedOf = new Map(
    d.sources.map((s) => {
      const file = /seed (\S+\.txt)/.exec(s.note)?.[1]
      return [s.id, file ? normalise(readFileSync(path.join(FIXTURES, 'seeds', file), 'utf8')) : '']
    }),
  )
  const quotes = [
    ...d.figures.map((f) => ['figures', f.id, f.source, f.quote] as const),
    ...d.outcomes.map((o) => ['outcomes', o.id, o.source, o.quote] as const),
    ...d.eventOrgs.map(
      (e) => ['event_orgs', `${e.event}/${e.org}/${e.role}`, e.source, e.quote] as const,
    ),
  ]

  it('names a seed article for every source', () => {
    expect([...seedOf.values()].every((text) => text.length > 1000)).toBe(true)
  })

  it.each(quotes)('%s %s: the quote is verbatim in its source', (_, __, source, quote) => {
    expect(quote.trim()).not.toBe('')
    expect(seedOf.get(source)).toContain(normalise(quote))
  })

  it('keeps the qualifier of every bound or approximation the articles print', () => {
    const byId = Object.fromEntries(d.figures.map((f) => [f.id, f.amount]))
    const samples = d.figures.filter((f) => /近|约|超|余|多|以上/.test(f.amount.text))
    expect(samples.length).toBeGreaterThan(20)
    for (const f of samples) expect(byId[f.id]?.qualifier, f.id).not.toBe('exact')
  })
})
