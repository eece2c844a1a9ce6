import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'
import { describe, expect, inject, it } from 'vitest'

const dist = inject('distDir')
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) =>
    statSync(path.join(dir, f)).isDirectory() ? files(path.join(dir, f)) : [path.join(dir, f)],
  )

describe('the production build', () => {
  const all = files(dist)
  const js = all.filter((f) => f.endsWith('.js'))

  it('parses as ES2020, which Chromium 87 kiosk browsers run', () => {
    expect(js.length).toBeGreaterThan(0)
    for (const f of js) {
      expect(
        () => parse(readFileSync(f, 'utf8'), { ecmaVersion: 2020, sourceType: 'module' }),
        f,
      ).not.toThrow()
    }
  })

  it('ships no source maps', () => {
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([])
    for (const f of js) expect(readFileSync(f, 'utf8')).not.toContain('sourceMappingURL')
  })

  it('copies the snapshot next to index.html, unbundled, with config and map', () => {
    const data = readdirSync(path.join(dist, 'data')).sort()
    expect(data).toEqual([
      'event_orgs.csv',
      'events.csv',
      'figures.csv',
      'manifest.json',
      'organizations.csv',
      'outcomes.csv',
      'places.csv',
      'sectors.csv',
      'sources.csv',
    ])
    expect(readFileSync(path.join(dist, 'data/events.csv'))).toEqual(
      readFileSync(path.resolve('data/events.csv')),
    )
    expect(statSync(path.join(dist, 'config.json')).isFile()).toBe(true)
    expect(statSync(path.join(dist, 'maps/china.json')).isFile()).toBe(true)
  })

  it('uses relative URLs only, so it runs from any sub-path', () => {
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/)
    expect(html).not.toMatch(/https?:\/\//)
  })
})
