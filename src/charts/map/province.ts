import { PROVINCES } from '../../domain/geo'
import { PROVINCE_REGIONS } from './regions'

/** One region (city, prefecture or district) of a province map, as the map file names it. */
export interface ProvinceRegion {
  /** The feature id: the region's adcode (430100), or null when the file gives none (台湾). */
  adcode: string | null
  /** As on the map (长沙市): the name a click reports and series data must use. */
  name: string
}

const PREFIX_OF_NAME = new Map(Object.entries(PROVINCES).map(([prefix, name]) => [name, prefix]))

/** The two-digit adcode prefix of a province given by short name (湖南 → 43) or by prefix. */
export function provincePrefix(province: string): string | null {
  if (PROVINCES[province] !== undefined) return province
  return PREFIX_OF_NAME.get(province) ?? null
}

/** The name a province map is registered under in ECharts: `province:43`. */
export function provinceMapName(province: string): string {
  const prefix = provincePrefix(province)
  if (!prefix) throw new Error(`no province map for ${JSON.stringify(province)}`)
  return `province:${prefix}`
}

/** The province map's file, relative to the page: `maps/province/43.json`. */
export function provinceMapFile(province: string): string {
  const prefix = provincePrefix(province)
  if (!prefix) throw new Error(`no province map for ${JSON.stringify(province)}`)
  return `maps/province/${prefix}.json`
}

const regionCache = new Map<string, readonly ProvinceRegion[]>()

/** The regions of a province's map, in file order; empty for an unknown province. */
export function provinceRegions(province: string): readonly ProvinceRegion[] {
  const prefix = provincePrefix(province)
  if (!prefix) return []
  let regions = regionCache.get(prefix)
  if (!regions) {
    regions = (PROVINCE_REGIONS[prefix] ?? '').split('|').flatMap((entry) => {
      if (!entry) return []
      const m = /^(\d{6}) (.+)$/.exec(entry)
      return [m ? { adcode: m[1]!, name: m[2]! } : { adcode: null, name: entry }]
    })
    regionCache.set(prefix, regions)
  }
  return regions
}

/**
 * The region of a province map a place lies in: its own feature when there is one (a district of
 * 北京, 石景山区 110107), else its city's (芦淞区 430203 → 株洲市 430200); undefined when neither
 * is on the map (a municipality as a whole, 110000).
 */
export function regionOfAdcode(
  regions: readonly ProvinceRegion[],
  adcode: string,
): ProvinceRegion | undefined {
  const city = `${adcode.slice(0, 4)}00`
  return regions.find((r) => r.adcode === adcode) ?? regions.find((r) => r.adcode === city)
}
