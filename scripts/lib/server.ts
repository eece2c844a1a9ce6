import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { responseHeaders } from './headers'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.md': 'text/markdown; charset=utf-8',
}

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/**
 * Serves a folder under a sub-path (as nginx or object storage would), for `npm start` and
 * the browser tests. Without `headers`: every file revalidated and, having no validator, sent
 * again (`no-cache`, what a deployment sends for data), so a replaced data file is seen at the
 * next poll. Not `no-store`: Chromium then reports a fetch read as a stream (outcomes.csv, see
 * src/data/published.ts) as aborted, net::ERR_ABORTED, although every byte arrived
 * (microsoft/playwright#42742). With `headers`: what a deployment should send
 * (scripts/lib/headers.ts) — the Content-Security-Policy, hashed assets cached for a year,
 * everything else revalidated (ETag).
 */
export async function serveStatic(opts: {
  root: string
  base?: string
  port?: number
  host?: string
  headers?: boolean | { frameAncestors?: string }
}): Promise<StaticServer> {
  const deploy = opts.headers ? (opts.headers === true ? {} : opts.headers) : null
  const base = (opts.base ?? '/').replace(/\/?$/, '/')
  const root = path.resolve(opts.root)
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (!url.pathname.startsWith(base)) {
      res.writeHead(302, { location: base }).end()
      return
    }
    const rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html'
    const file = path.resolve(root, rel)
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(403).end()
      return
    }
    try {
      const s = await stat(file)
      const target = s.isDirectory() ? path.join(file, 'index.html') : file
      const t = await stat(target)
      const type = TYPES[path.extname(target)] ?? 'application/octet-stream'
      if (!deploy) {
        sendFile(res, target, {
          'content-type': type,
          'content-length': t.size,
          'cache-control': 'no-cache',
        })
        return
      }
      const etag = `W/"${t.size.toString(16)}-${Math.floor(t.mtimeMs).toString(16)}"`
      const headers = {
        ...responseHeaders(path.relative(root, target).split(path.sep).join('/'), deploy),
        etag,
      }
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end()
        return
      }
      sendFile(res, target, { ...headers, 'content-type': type, 'content-length': t.size })
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    }
  })
  const host = opts.host ?? '127.0.0.1'
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${base}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // Idle keep-alive connections would hold close() for seconds.
        server.closeIdleConnections()
      }),
  }
}

/**
 * Sends a file once it is open. One removed since it was looked up (a snapshot being copied
 * file by file, as the browser tests do) is a 404, or a cut-off response once sending began:
 * never an uncaught error that stops the server.
 */
function sendFile(res: http.ServerResponse, file: string, headers: http.OutgoingHttpHeaders): void {
  const stream = createReadStream(file)
  stream.once('open', () => {
    res.writeHead(200, headers)
    stream.pipe(res)
  })
  stream.once('error', () => {
    if (res.headersSent) res.destroy()
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
  })
}
