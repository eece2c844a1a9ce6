import { stringifyQuery, useRoute, type RouteLocationRaw } from 'vue-router'

/** Query keys that belong to the viewer, not the page: they follow every in-app link. */
const CARRIED = ['lang', 'theme'] as const

/** Links that keep the viewer's language and theme. */
export function useStateLink() {
  const route = useRoute()
  return (path: string, query: Record<string, string> = {}): RouteLocationRaw => {
    const carried: Record<string, string> = {}
    for (const key of CARRIED) {
      const v = route.query[key]
      if (typeof v === 'string') carried[key] = v
    }
    return { path, query: { ...carried, ...query } }
  }
}

/**
 * The same links as plain hrefs, for long lists: a RouterLink resolves its route when made and
 * again whenever it changes, which a table of a hundred links pays on every filter change. The
 * router is a hash router, so following `#/path?query` is an ordinary in-app navigation.
 */
export function useStateHref() {
  const link = useStateLink()
  return (path: string, query: Record<string, string> = {}): string => {
    const { query: q } = link(path, query) as { query: Record<string, string> }
    const search = stringifyQuery(q)
    return `#${encodeURI(path)}${search ? `?${search}` : ''}`
  }
}
