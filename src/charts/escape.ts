const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** ECharts renders tooltip text as HTML: every string from data goes through this. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/**
 * Braces open ECharts rich-text styles (`{name|text}`) in a label that has `rich` styles: data
 * text drawn in one goes through this, its braces swapped for full-width ones that look alike.
 */
export function escapeRich(s: string): string {
  return s.replace(/[{}]/g, (c) => (c === '{' ? '｛' : '｝'))
}
