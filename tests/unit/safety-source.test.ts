// Safety (issue 6): text from data reaches the DOM only as text. Vue's {{ }} and attribute
// bindings escape; these are the ways around them, and none may appear in the app's source.
// (eslint already errors on v-html; this also covers plain TypeScript.) The browser test
// tests/e2e/safety.test.ts loads a hostile snapshot to check the result.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(__dirname, '../../src')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)],
  )
}

/** Each pattern with what it would do with a string from data. */
const SINKS: [RegExp, string][] = [
  [/v-html/, 'renders a string as HTML'],
  [/\.innerHTML\b/, 'parses a string as HTML'],
  [/\.outerHTML\s*=/, 'parses a string as HTML'],
  [/insertAdjacentHTML/, 'parses a string as HTML'],
  [/createContextualFragment/, 'parses a string as HTML'],
  [/document\.write/, 'parses a string as HTML'],
  [/\bsrcdoc\b/, 'makes a document of a string'],
  [/\beval\s*\(/, 'runs a string as code (and needs unsafe-eval)'],
  [/new\s+Function\b/, 'runs a string as code (and needs unsafe-eval)'],
  [/set(Timeout|Interval)\(\s*['"`]/, 'runs a string as code (and needs unsafe-eval)'],
  [/\.setAttribute\(\s*['"`]on/i, 'sets an event handler from a string'],
]

describe('the app’s source', () => {
  const sources = files(SRC).filter((f) => /\.(ts|vue|js|mjs)$/.test(f))

  it('is found', () => {
    expect(sources.length).toBeGreaterThan(20)
  })

  it('has no way to turn a string into markup or code', () => {
    const hits: string[] = []
    for (const f of sources) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [re, why] of SINKS)
            if (re.test(line))
              hits.push(`${path.relative(SRC, f)}:${i + 1}: ${why}: ${line.trim()}`)
        })
    }
    expect(hits).toEqual([])
  })

  it('would notice one', () => {
    // The patterns themselves, against lines that do what they forbid.
    const bad = [
      '<div v-html="row.title" />',
      'tip.innerHTML = name',
      "el.insertAdjacentHTML('beforeend', s)",
      'const f = new Function(code)',
      'eval(text)',
      "setTimeout('go()', 10)",
    ]
    for (const line of bad)
      expect(
        SINKS.some(([re]) => re.test(line)),
        line,
      ).toBe(true)
  })
})
