import { useRoute, type RouteLocationRaw } from 'vue-router'

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
