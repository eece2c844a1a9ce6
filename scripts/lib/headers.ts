// The HTTP headers a deployment should send: one source of truth for `npm start`
// (scripts/lib/server.ts), the README's nginx and IIS examples and deploy/*. A unit test
// (tests/unit/safety-headers.test.ts) fails when those copies drift from this file.

/**
 * Content-Security-Policy directives, each with why it is as loose as it is. The built app
 * runs under exactly this (tests/e2e/safety.test.ts fails on any violation).
 */
export const CSP_DIRECTIVES: readonly (readonly [directive: string, value: string])[] = [
  // Everything not named below: this origin only.
  ['default-src', "'self'"],
  // Module scripts from assets/ only: no inline script, no eval (the build emits none; Vue's
  // runtime-only build and vue-i18n's JIT message compiler need no eval either).
  ['script-src', "'self'"],
  // Stylesheets from assets/ only, no inline <style> or style="" attributes. ECharts and Vue
  // set styles through the CSSOM (element.style), which CSP does not restrict, and vue-echarts
  // adds its few rules as a constructed stylesheet (adoptedStyleSheets), also not restricted.
  ['style-src', "'self'"],
  // blob: the studio's preview and the press-and-hold overlay are PNGs made in the browser and
  // shown through URL.createObjectURL. Nothing needs data: images.
  ['img-src', "'self' blob:"],
  // data: Vite inlines the smallest @fontsource slices (under 4 KB) into the CSS as data: URLs.
  // A font cannot run script; every other face is a file in assets/.
  ['font-src', "'self' data:"],
  // The snapshot, config.json and the maps are fetched from this origin, nothing else.
  ['connect-src', "'self'"],
  // The snapshot loader's Web Worker is a file in assets/, not a blob:. A worker runs under
  // the policy sent with its own script, which is why every response carries this one.
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
]

/**
 * Who may frame the app. The embed (`#/embed/<chart>`) is the same index.html as every other
 * view: with hash routing the server never sees the route, so it cannot send the embed a
 * different policy. `*` lets any site embed a chart, which is the point of the studio's embed
 * code; the app is read-only (no login, no forms, nothing that acts for a user), so framing it
 * gives a click-jacker nothing to click. Deployments that want to can list their CMS origins.
 */
export const DEFAULT_FRAME_ANCESTORS = '*'

export function contentSecurityPolicy(frameAncestors: string = DEFAULT_FRAME_ANCESTORS): string {
  return [...CSP_DIRECTIVES, ['frame-ancestors', frameAncestors] as const]
    .map(([k, v]) => `${k} ${v}`)
    .join('; ')
}

/** Sent with every response, besides the CSP. */
export const OTHER_HEADERS: Readonly<Record<string, string>> = {
  // Scripts and styles are only taken with their declared type.
  'X-Content-Type-Options': 'nosniff',
  // Links to sources leave no trace of the intranet address (index.html says so too).
  'Referrer-Policy': 'no-referrer',
}

/** Hashed build output: the name changes when the content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else may be replaced in place (data/, config.json, index.html, maps): ask first. */
export const REVALIDATE = 'no-cache'

/** Cache-Control for a path relative to the deployed folder (`assets/index-abc.js`). */
export function cacheControl(relPath: string): string {
  return /^assets\//.test(relPath.replace(/^\/+/, '')) ? IMMUTABLE : REVALIDATE
}

/** Every header for one response: security headers and caching. */
export function responseHeaders(
  relPath: string,
  opts: { frameAncestors?: string } = {},
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(opts.frameAncestors),
    ...OTHER_HEADERS,
    'Cache-Control': cacheControl(relPath),
  }
}
