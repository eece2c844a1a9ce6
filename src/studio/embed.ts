/** Message the embed posts to its parent page whenever its height changes. */
export const EMBED_HEIGHT_MESSAGE = 'coop-dashboard:embed-height'

type Query = Readonly<Record<string, unknown>>

/** Keys that shape the studio's picture but not an embed (which fills its frame). */
const STUDIO_ONLY = new Set(['preset', 'w', 'h', 'title', 'subtitle', 'note', 'source', 'credit'])

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The embed's URL: same chart, filters, language and theme, pinned to today's snapshot date. */
export function embedUrl(o: {
  pageUrl: string
  chart: string
  query: Query
  snapshotDate: string
}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(o.query)) {
    if (!STUDIO_ONLY.has(k) && typeof v === 'string' && v !== '') params.set(k, v)
  }
  params.set('snapshot', 'pinned')
  params.set('pinned', o.snapshotDate)
  return `${o.pageUrl}#/embed/${o.chart}?${params.toString()}`
}

/**
 * Two iframe snippets: a fixed height for CMSs that strip scripts, and one whose height follows
 * the chart through postMessage (the script only accepts messages from the embed's own origin).
 */
export function embedCode(o: {
  pageUrl: string
  chart: string
  query: Query
  snapshotDate: string
  title: string
  height: number
}): { url: string; fixed: string; auto: string } {
  const url = embedUrl(o)
  const id = `coop-embed-${o.chart}`
  const frame = (extra: string) =>
    `<iframe src="${escapeAttr(url)}" title="${escapeAttr(o.title)}" width="100%" height="${o.height}" style="border:0;max-width:100%" loading="lazy"${extra}></iframe>`
  const origin = new URL(o.pageUrl).origin
  const script =
    `<script>window.addEventListener('message',function(e){` +
    `if(e.origin!==${JSON.stringify(origin)}||!e.data||e.data.type!==${JSON.stringify(EMBED_HEIGHT_MESSAGE)})return;` +
    `var f=document.getElementById(${JSON.stringify(id)});if(f)f.style.height=e.data.height+'px'})</script>`
  return { url, fixed: frame(''), auto: frame(` id="${id}"`) + script }
}
