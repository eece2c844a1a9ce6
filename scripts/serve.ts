// npm start / npm run preview: serves dist/ so the built dashboard runs as ops would host it,
// with the headers a deployment should send (Content-Security-Policy, caching: see
// scripts/lib/headers.ts and the README's Deploy section). FRAME_ANCESTORS narrows who may
// embed it (default *, e.g. "'self' https://news.example.cn"); HEADERS=0 sends none of them.
import { serveStatic } from './lib/server'

const port = Number(process.env.PORT ?? 4173)
const base = process.env.BASE ?? '/'
const server = await serveStatic({
  root: 'dist',
  base,
  port,
  host: process.env.HOST ?? '127.0.0.1',
  headers:
    process.env.HEADERS === '0'
      ? false
      : process.env.FRAME_ANCESTORS
        ? { frameAncestors: process.env.FRAME_ANCESTORS }
        : true,
})
console.log(`产学研看板 is running at ${server.url}  (Ctrl+C to stop)`)
