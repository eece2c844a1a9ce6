// One source of truth for the security and caching headers (scripts/lib/headers.ts): what
// `npm start` sends, what the README tells ops to send, and the files in deploy/ they copy.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cacheControl,
  contentSecurityPolicy,
  CSP_DIRECTIVES,
  IMMUTABLE,
  OTHER_HEADERS,
  responseHeaders,
  REVALIDATE,
} from '../../scripts/lib/headers'
import { serveStatic, type StaticServer } from '../../scripts/lib/server'

const ROOT = path.resolve(__dirname, '../..')
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8')
const CSP = contentSecurityPolicy()

/** The file types a build holds (dist/: html, js, css, json, csv, fonts, the maps' README). */
const EXTENSIONS = ['html', 'js', 'css', 'json', 'csv', 'woff2', 'woff', 'md']

describe('the policy', () => {
  it('allows no inline script, no eval, no inline style and nothing from elsewhere', () => {
    const d = Object.fromEntries(CSP_DIRECTIVES)
    expect(d['script-src']).toBe("'self'")
    expect(d['style-src']).toBe("'self'")
    expect(d['default-src']).toBe("'self'")
    expect(d['connect-src']).toBe("'self'")
    expect(d['object-src']).toBe("'none'")
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\bhttp\b/)
    // Only these relaxations, each argued in headers.ts.
    expect(d['img-src']).toBe("'self' blob:")
    expect(d['font-src']).toBe("'self' data:")
  })

  it('lets other sites embed the app unless a deployment narrows it', () => {
    expect(CSP).toMatch(/; frame-ancestors \*$/)
    expect(contentSecurityPolicy("'self' https://news.example.cn")).toMatch(
      /; frame-ancestors 'self' https:\/\/news\.example\.cn$/,
    )
  })

  it('caches hashed assets for a year and revalidates everything replaced in place', () => {
    expect(cacheControl('assets/index-Cq3x9.js')).toBe(IMMUTABLE)
    expect(cacheControl('/assets/noto-sans-sc-0-400-normal-ab12.woff2')).toBe(IMMUTABLE)
    for (const p of ['index.html', 'config.json', 'data/events.csv', 'data/manifest.json'])
      expect(cacheControl(p), p).toBe(REVALIDATE)
    expect(cacheControl('maps/china.json')).toBe(REVALIDATE)
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable')
    expect(REVALIDATE).toBe('no-cache')
  })
})

describe('npm start sends them', () => {
  let server: StaticServer
  let plain: StaticServer
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'headers-'))
    for (const d of ['assets', 'data']) mkdirSync(path.join(dir, d))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>')
    writeFileSync(path.join(dir, 'assets/index-abc.js'), 'export {}')
    writeFileSync(path.join(dir, 'data/events.csv'), 'id\n')
    server = await serveStatic({ root: dir, base: '/x/', headers: true })
    plain = await serveStatic({ root: dir, base: '/x/' })
  })
  afterAll(async () => {
    await server?.close()
    await plain?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('with every response: the policy, nosniff, no referrer and the right caching', async () => {
    for (const p of ['', 'index.html', 'assets/index-abc.js', 'data/events.csv']) {
      const r = await fetch(new URL(p, server.url))
      const expected = responseHeaders(p || 'index.html')
      for (const [k, v] of Object.entries(expected)) expect(r.headers.get(k), `${p} ${k}`).toBe(v)
    }
    expect(
      (await fetch(new URL('assets/index-abc.js', server.url))).headers.get('cache-control'),
    ).toBe(IMMUTABLE)
    expect((await fetch(new URL('data/events.csv', server.url))).headers.get('content-type')).toBe(
      'text/csv; charset=utf-8',
    )
  })

  it('answers a revalidation with 304 while the file is unchanged', async () => {
    const url = new URL('data/events.csv', server.url)
    const etag = (await fetch(url)).headers.get('etag')!
    expect(etag).toBeTruthy()
    const again = await fetch(url, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('content-security-policy')).toBe(CSP)
  })

  it('and without the option, as the browser tests serve it, none of them, and every file sent again', async () => {
    const r = await fetch(new URL('index.html', plain.url))
    expect(r.headers.get('content-security-policy')).toBeNull()
    // Revalidated each time, and with no validator to revalidate against, sent again.
    expect(r.headers.get('cache-control')).toBe('no-cache')
    expect(r.headers.get('etag')).toBeNull()
    expect(r.headers.get('last-modified')).toBeNull()
  })
})

describe('the README and deploy/ say the same', () => {
  const readme = read('README.md')
  const nginx = read('deploy/nginx.conf')
  const iis = read('deploy/web.config')

  it('README: the policy as a block, in the nginx example and in the IIS example', () => {
    expect(readme).toContain('```\n' + CSP + '\n```')
    expect(readme).toContain(`add_header Content-Security-Policy "${CSP}" always;`)
    expect(readme).toContain(`<add name="Content-Security-Policy" value="${CSP}" />`)
    for (const [k, v] of Object.entries(OTHER_HEADERS)) {
      expect(readme).toContain(`add_header ${k} "${v}" always;`)
      expect(readme).toContain(`<add name="${k}" value="${v}" />`)
    }
  })

  it('deploy/nginx.conf: the same headers, caching and a type for every file of a build', () => {
    expect(nginx).toContain(`add_header Content-Security-Policy "${CSP}" always;`)
    for (const [k, v] of Object.entries(OTHER_HEADERS))
      expect(nginx).toContain(`add_header ${k} "${v}" always;`)
    expect(nginx).toMatch(new RegExp(`default\\s+"${REVALIDATE}";`))
    expect(nginx).toMatch(new RegExp(`~/assets/\\s+"${IMMUTABLE}";`))
    expect(nginx).toContain('add_header Cache-Control $cooperation_cache_control always;')
    const types = nginx.slice(
      nginx.indexOf('types {'),
      nginx.indexOf('}', nginx.indexOf('types {')),
    )
    for (const ext of EXTENSIONS) expect(types, ext).toMatch(new RegExp(`\\s${ext};`))
    // The README's nginx example is this file's: every header line appears in both.
    for (const line of nginx.split('\n').filter((l) => /^\s*add_header /.test(l)))
      expect(readme).toContain(line.trim())
  })

  it('deploy/web.config: the same headers, the MIME types IIS lacks, and the caching', () => {
    expect(iis).toContain(`<add name="Content-Security-Policy" value="${CSP}" />`)
    for (const [k, v] of Object.entries(OTHER_HEADERS))
      expect(iis).toContain(`<add name="${k}" value="${v}" />`)
    for (const ext of ['json', 'csv', 'woff2', 'woff'])
      expect(iis).toMatch(new RegExp(`<mimeMap fileExtension="\\.${ext}" mimeType="[^"]+" />`))
    // DisableCache sends Cache-Control: no-cache; assets/ a year, public and immutable.
    expect(iis).toContain('<clientCache cacheControlMode="DisableCache" />')
    expect(iis).toMatch(
      /<location path="assets">[\s\S]*cacheControlMode="UseMaxAge" cacheControlMaxAge="365\.00:00:00" cacheControlCustom="public, immutable"/,
    )
    // The README's IIS example is this file's: every header and type line appears in both.
    for (const line of iis
      .split('\n')
      .filter((l) => /<(add|mimeMap|remove file|clientCache) /.test(l)))
      expect(readme).toContain(line.trim())
  })
})
