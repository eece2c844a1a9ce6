import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: any static host serves it, under any sub-path, with no rewrite rules.
export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'screen', component: () => import('./views/ScreenView.vue') },
      { path: '/explore', name: 'explore', component: () => import('./views/ExploreView.vue') },
      {
        path: '/events/:id',
        name: 'event',
        component: () => import('./views/EventView.vue'),
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
        component: () => import('./views/StudioView.vue'),
        props: true,
      },
      {
        path: '/embed/:chart',
        name: 'embed',
        component: () => import('./views/EmbedView.vue'),
        props: true,
      },
      { path: '/data', name: 'data', component: () => import('./views/DataView.vue') },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
    scrollBehavior: () => ({ top: 0 }),
  })
}
