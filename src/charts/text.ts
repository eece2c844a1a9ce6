// Text measured without a DOM: option builders and the studio frame are pure and run in Node.

/**
 * Width of a line of text, estimated: CJK characters are square, Latin ones about half as wide.
 * Builders must not measure with a canvas (they are pure and run in Node), and an estimate that
 * errs wide only costs a little margin.
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    // Narrow Latin punctuation first; then CJK and the general punctuation block (… — ·),
    // which Chinese fonts draw a full em wide; then Latin letters.
    if (/[ .,'’()\-–|:;!ilj]/.test(ch)) em += 0.32
    else if (code >= 0x2000) em += 1
    else em += /[A-Z]/.test(ch) ? 0.68 : 0.56
  }
  return em * fontSize
}

/** Cuts text to fit a width, ending in an ellipsis when anything was cut. */
export function fitText(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text
  let out = ''
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, fontSize) > width) break
    out += ch
  }
  return `${out}…`
}
