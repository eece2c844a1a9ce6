import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: any static host serves it, under any sub-path, with no rewrite rules.
export function createAppRouter() {
  return createRouter({
    history: createWebHashHistory(),
    routes: [
      { path: '/', name: 'screen', component: () => import('./views/ScreenView.vue') },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
  })
}
