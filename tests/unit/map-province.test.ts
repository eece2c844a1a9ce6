import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getMap, init, registerMap, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { ensureProvinceMap, prefetchProvinceMaps, provinceMapName } from '../../src/charts/echarts'
import { provinceRegions, regionOfAdcode } from '../../src/charts/map/province'
import { PROVINCES } from '../../src/domain/geo'
import { loadReal } from '../helpers/charts'

use([SVGRenderer])

const PACKAGE_DIR = path.resolve(__dirname, '../../node_modules/echarts-4-maps/map/json/province')
const PUBLIC_DIR = path.resolve(__dirname, '../../public/maps/province')
const CHINA = path.resolve(__dirname, '../../public/maps/china.json')

interface Feature {
  id?: string
  properties: { name: string; cp?: [number, number] }
}
interface GeoJson {
  features: Feature[]
}

const readJson = (file: string): GeoJson => JSON.parse(readFileSync(file, 'utf8'))

/** The adcode prefixes of a file's feature ids: one for a province file (430100 … → 43). */
function idPrefixes(geo: GeoJson): string[] {
  const ids = geo.features.map((f) => f.id ?? '').filter((id) => /^\d{6}$/.test(id))
  return [...new Set(ids.map((id) => id.slice(0, 2)))]
}

/**
 * The provinces of the China map whose capital (`cp`) lies inside one of the file's regions, as
 * ECharts itself decodes them: a check of the ids, and the only clue in a file without ids.
 */
function provincesContaining(geo: GeoJson, china: GeoJson, name: string): string[] {
  registerMap(name, geo as unknown as Parameters<typeof registerMap>[1])
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 400, height: 400 })
  chart.setOption({ geo: { map: name } })
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching into the geo model
  const coords = (chart as any).getModel().getComponent('geo').coordinateSystem
  const regions: { contain(p: [number, number]): boolean }[] = coords.regions
  chart.dispose()
  return china.features
    .filter((c) => c.properties.cp && regions.some((r) => r.contain(c.properties.cp!)))
    .map((c) => c.id!.slice(0, 2))
}

let derived: Map<string, string> | undefined

/** Each package file by the adcode prefix it covers, derived from the files, not by hand. */
function packageFiles(): Map<string, string> {
  if (derived) return derived
  const china = readJson(CHINA)
  const out = new Map<string, string>()
  for (const file of readdirSync(PACKAGE_DIR).sort()) {
    const geo = readJson(path.join(PACKAGE_DIR, file))
    const byIds = idPrefixes(geo)
    const byCapital = provincesContaining(geo, china, `package:${file}`)
    expect(byIds.length, `${file} has ids of several provinces`).toBeLessThanOrEqual(1)
    expect(byCapital, `${file}: one capital inside`).toHaveLength(1)
    // taiwan.json is the only file without ids; where there are ids, both clues agree.
    if (byIds.length === 1) expect(byCapital, file).toEqual(byIds)
    else expect(file).toBe('taiwan.json')
    const prefix = byCapital[0]!
    expect(out.has(prefix), `two files for ${prefix}`).toBe(false)
    out.set(prefix, file)
  }
  derived = out
  return out
}

describe('the province maps', () => {
  it('come from echarts@4.9.0, one for every province of the domain list', () => {
    const files = packageFiles()
    const pkg = JSON.parse(
      readFileSync(path.join(PACKAGE_DIR, '../../../package.json'), 'utf8'),
    ) as { version: string }
    expect(pkg.version).toBe('4.9.0')
    // The package lacks none: 34 files for the 34 entries of PROVINCES.
    expect([...files.keys()].sort()).toEqual(Object.keys(PROVINCES).sort())
    expect(files.get('43')).toBe('hunan.json')
    expect(files.get('14')).toBe('shanxi.json') // 山西
    expect(files.get('61')).toBe('shanxi1.json') // 陕西
    expect(files.get('71')).toBe('taiwan.json')
  })

  it('are public/maps/province/<prefix>.json, byte-identical to the package files', () => {
    expect(readdirSync(PUBLIC_DIR).sort()).toEqual(
      Object.keys(PROVINCES)
        .map((p) => `${p}.json`)
        .sort(),
    )
    for (const [prefix, file] of packageFiles()) {
      const copy = readFileSync(path.join(PUBLIC_DIR, `${prefix}.json`))
      const original = readFileSync(path.join(PACKAGE_DIR, file))
      expect(copy.equals(original), `${prefix}.json differs from ${file}`).toBe(true)
    }
  })

  it('have every city of the snapshot as a feature of its province', async () => {
    const d = await loadReal()
    const cities = d.places.filter((p) => /^\d{4}00$/.test(p.adcode) && !p.adcode.endsWith('0000'))
    expect(cities.map((p) => p.id)).toContain('zhuzhou')
    for (const place of cities) {
      const prefix = Object.entries(PROVINCES).find(([, name]) => name === place.province)?.[0]
      expect(prefix, place.id).toBe(place.adcode.slice(0, 2))
      const ids = readJson(path.join(PUBLIC_DIR, `${prefix}.json`)).features.map((f) => f.id)
      expect(ids, `${place.id} ${place.adcode}`).toContain(place.adcode)
    }
  })

  it('are listed region by region in src/charts/map/regions.ts, as the files name them', () => {
    for (const prefix of Object.keys(PROVINCES)) {
      const seen = new Set<string>()
      const expected = readJson(path.join(PUBLIC_DIR, `${prefix}.json`)).features.flatMap((f) => {
        if (seen.has(f.properties.name)) return []
        seen.add(f.properties.name)
        const adcode = f.id && /^\d{6}$/.test(f.id) ? f.id : null
        return [{ adcode, name: f.properties.name }]
      })
      expect(provinceRegions(PROVINCES[prefix]!), prefix).toEqual(expected)
      expect(provinceRegions(prefix)).toEqual(expected)
    }
    expect(provinceRegions('湖南').slice(0, 2)).toEqual([
      { adcode: '430100', name: '长沙市' },
      { adcode: '430200', name: '株洲市' },
    ])
    expect(provinceRegions('Atlantis')).toEqual([])
  })

  it('put a district in its city, or in itself where the map is by district', () => {
    const hunan = provinceRegions('湖南')
    expect(regionOfAdcode(hunan, '430203')?.name).toBe('株洲市')
    expect(regionOfAdcode(hunan, '430200')?.name).toBe('株洲市')
    expect(regionOfAdcode(hunan, '430000')).toBeUndefined()
    const beijing = provinceRegions('北京')
    expect(regionOfAdcode(beijing, '110107')?.name).toBe('石景山区')
    expect(regionOfAdcode(beijing, '110000')).toBeUndefined()
  })
})

describe('loading a province map', () => {
  const page = 'http://intranet.example/dash/explore?province=x'
  const okFile = (prefix: string) => ({
    ok: true,
    status: 200,
    json: async () => readJson(path.join(PUBLIC_DIR, `${prefix}.json`)),
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('names maps by adcode prefix', () => {
    expect(provinceMapName('湖南')).toBe('province:43')
    expect(provinceMapName('43')).toBe('province:43')
    expect(() => provinceMapName('Atlantis')).toThrow()
  })

  it('fetches the file next to the page once and registers it', async () => {
    const fetch = vi.fn(async () => okFile('42'))
    vi.stubGlobal('fetch', fetch)
    vi.stubGlobal('document', { baseURI: page, URL: page })
    expect(getMap('province:42')).toBeFalsy()
    await Promise.all([ensureProvinceMap('湖北'), ensureProvinceMap('湖北')])
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe(
      'http://intranet.example/dash/maps/province/42.json',
    )
    expect(getMap('province:42')).toBeTruthy()
    await ensureProvinceMap('42')
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('forgets a failed fetch, so the next call tries again', async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, status: 404, json: async () => ({}) })
      .mockResolvedValueOnce(okFile('14'))
    vi.stubGlobal('fetch', fetch)
    vi.stubGlobal('document', { baseURI: page, URL: page })
    await expect(ensureProvinceMap('山西')).rejects.toThrow(/404/)
    expect(getMap('province:14')).toBeFalsy()
    await ensureProvinceMap('山西')
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(getMap('province:14')).toBeTruthy()
  })

  it('requests nothing for an unknown province or from another origin', async () => {
    const fetch = vi.fn(async () => okFile('61'))
    vi.stubGlobal('fetch', fetch)
    vi.stubGlobal('document', { baseURI: page, URL: page })
    await expect(ensureProvinceMap('Atlantis')).rejects.toThrow()
    // A <base href> on another host must not pull the map from there.
    vi.stubGlobal('document', { baseURI: 'https://cdn.example/', URL: page })
    await expect(ensureProvinceMap('陕西')).rejects.toThrow(/origin/)
    expect(fetch).not.toHaveBeenCalled()
    expect(getMap('province:61')).toBeFalsy()
  })

  it('prefetches drillable provinces one at a time when idle, past a failure, until stopped', async () => {
    const pending: (() => void)[] = []
    const idle = (run: () => void) => void pending.push(run)
    const fetch = vi.fn(async (url: URL) =>
      String(url).endsWith('/45.json')
        ? { ok: false, status: 500, json: async () => ({}) }
        : okFile(String(url).match(/(\d\d)\.json$/)![1]!),
    )
    vi.stubGlobal('fetch', fetch)
    vi.stubGlobal('document', { baseURI: page, URL: page })
    const runNext = async () => {
      expect(pending).toHaveLength(1)
      pending.shift()!()
      // The load finishes (or fails) before the next one is even scheduled.
      await vi.waitFor(() => expect(pending.length).toBeGreaterThan(0))
    }
    const stop = prefetchProvinceMaps(['广西', '贵州', '云南', '西藏'], idle)
    expect(fetch).not.toHaveBeenCalled()
    await runNext()
    expect(getMap('province:45')).toBeFalsy()
    await runNext()
    expect(getMap('province:52')).toBeTruthy()
    stop()
    pending.shift()!()
    expect(fetch.mock.calls.map((c) => String(c[0]).slice(-7))).toEqual(['45.json', '52.json'])
    expect(getMap('province:53')).toBeFalsy()
  })
})
