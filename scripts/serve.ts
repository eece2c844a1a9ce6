// npm start / npm run preview: serves dist/ so the built dashboard runs as ops would host it.
import { serveStatic } from './lib/server'

const port = Number(process.env.PORT ?? 4173)
const base = process.env.BASE ?? '/'
const server = await serveStatic({
  root: 'dist',
  base,
  port,
  host: process.env.HOST ?? '127.0.0.1',
})
console.log(`产学研看板 is running at ${server.url}  (Ctrl+C to stop)`)
