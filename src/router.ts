import { createRouter, createWebHashHistory, type RouteLocationNormalized } from 'vue-router'
import { loadRest } from './charts/modules'

/**
 * A view that draws any chart, loaded together with every ECharts module (../charts/echartsRest
 * too). Only the big screen starts without the rest, which ChartPanel fetches once the screen's
 * charts have drawn. The studio draws outside ChartPanel, so it could not wait for it itself.
 */
function withCharts<T>(view: () => Promise<T>): () => Promise<T> {
  // A failed fetch of the rest does not keep the view away: ChartPanel asks again per chart.
  return () => Promise.all([view(), loadRest().catch(() => undefined)]).then(([m]) => m)
}

// Hash history: any static host serves it, under any sub-path, with no rewrite rules.
/**
 * A new page starts at its top, and back or forward returns where the reader was; a filter (the
 * query) keeps the reader where they are. The first page is already at its top: a scroll there
 * forced a layout of the whole page before anything had drawn.
 */
export function scrollPosition(
  to: Pick<RouteLocationNormalized, 'path'>,
  from: Pick<RouteLocationNormalized, 'path' | 'matched'>,
  saved: { left: number; top: number } | null,
): { left?: number; top: number } | false {
  if (saved) return saved
  return from.matched.length > 0 && to.path !== from.path ? { top: 0 } : false
}

export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'screen', component: () => import('./views/ScreenView.vue') },
      {
        path: '/explore',
        name: 'explore',
        component: withCharts(() => import('./views/ExploreView.vue')),
      },
      {
        path: '/events/:id',
        name: 'event',
        component: withCharts(() => import('./views/EventView.vue')),
        props: true,
      },
      {
        path: '/orgs/:id',
        name: 'org',
        component: () => import('./views/OrgView.vue'),
        props: true,
      },
      {
        path: '/studio/:chart',
        name: 'studio',
        component: withCharts(() => import('./views/StudioView.vue')),
        props: true,
      },
      {
        path: '/embed/:chart',
        name: 'embed',
        component: withCharts(() => import('./views/EmbedView.vue')),
        props: true,
      },
      { path: '/data', name: 'data', component: () => import('./views/DataView.vue') },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
    scrollBehavior: scrollPosition,
  })
}
