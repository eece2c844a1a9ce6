import { textWidth } from '../charts/text'

/** What surrounds a chart in a published picture: title on top, source and notes below. */
export interface FrameText {
  title: string
  subtitle: string
  /** Source line, note, credit, data date: each its own line at the bottom, in this order. */
  footer: readonly string[]
}

export interface TextLine {
  text: string
  x: number
  /** Baseline. */
  y: number
  size: number
  weight: 400 | 700
  role: 'title' | 'subtitle' | 'footer'
}

export interface FrameLayout {
  width: number
  height: number
  lines: TextLine[]
  /** Where the chart itself goes. */
  chart: { x: number; y: number; width: number; height: number }
}

/** Splits text into lines no wider than `width`, breaking anywhere in CJK, at spaces in Latin. */
export function wrap(text: string, width: number, size: number): string[] {
  const out: string[] = []
  let line = ''
  for (const token of text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/g) ?? []) {
    const next = line + token
    if (line && textWidth(next.trimEnd(), size) > width) {
      out.push(line.trimEnd())
      line = token.trimStart()
    } else line = next
  }
  if (line.trim()) out.push(line.trimEnd())
  return out
}

/**
 * Places the title block and the footer in a picture of `width` × `height` (CSS pixels), and
 * gives the chart what is left. Sizes follow the shorter side, so a WeChat cover and an A4 page
 * read alike; long lines wrap instead of running off the picture.
 */
export function frameLayout(width: number, height: number, text: FrameText): FrameLayout {
  const unit = Math.min(width, height * 1.6)
  const pad = Math.round(Math.max(16, unit * 0.035))
  const titleSize = Math.round(Math.max(18, unit * 0.036))
  const subtitleSize = Math.round(Math.max(13, titleSize * 0.62))
  const footerSize = Math.round(Math.max(11, titleSize * 0.48))
  const inner = width - 2 * pad
  const lines: TextLine[] = []

  let y = pad
  for (const t of wrap(text.title, inner, titleSize)) {
    y += titleSize * 1.25
    lines.push({
      text: t,
      x: pad,
      y: y - titleSize * 0.25,
      size: titleSize,
      weight: 700,
      role: 'title',
    })
  }
  for (const t of text.subtitle ? wrap(text.subtitle, inner, subtitleSize) : []) {
    y += subtitleSize * 1.4
    lines.push({
      text: t,
      x: pad,
      y: y - subtitleSize * 0.3,
      size: subtitleSize,
      weight: 400,
      role: 'subtitle',
    })
  }
  const top = y + pad * 0.5

  const footer = text.footer
    .filter((f) => f.trim() !== '')
    .flatMap((f) => wrap(f, inner, footerSize))
  const lineHeight = footerSize * 1.45
  let fy = height - pad - lineHeight * footer.length
  const bottom = fy - pad * 0.4
  for (const t of footer) {
    fy += lineHeight
    lines.push({
      text: t,
      x: pad,
      y: fy - footerSize * 0.3,
      size: footerSize,
      weight: 400,
      role: 'footer',
    })
  }
  return {
    width,
    height,
    lines,
    chart: {
      x: pad,
      y: Math.round(top),
      width: inner,
      height: Math.max(40, Math.round(bottom - top)),
    },
  }
}
