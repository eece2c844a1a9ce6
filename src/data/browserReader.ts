import type { FileReader } from './loadSnapshot'

/** Reads snapshot files relative to the page, so any sub-path works; never from the cache. */
export function httpReader(baseUrl: string): FileReader {
  return async (name) => {
    const res = await fetch(new URL(name, baseUrl), { cache: 'no-store' })
    if (res.status === 404) return null
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`)
    return new Uint8Array(await res.arrayBuffer())
  }
}

export function dataBaseUrl(): string {
  return new URL('data/', document.baseURI).href
}
