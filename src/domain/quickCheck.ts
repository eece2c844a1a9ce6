/**
 * A fast path in front of the table schemas. Valibot validates each row by walking its schema,
 * which at 100,000 rows is a good part of a load; the few kinds of check the table schemas use
 * (tables.ts) are read off the schema once and run as plain functions. A row they pass gets the
 * output valibot would give; a row they do not pass, or a schema with any other kind of check,
 * goes to valibot, so every problem is still found and worded by the one schema.
 */

/** The parts of a valibot schema read here (it is plain data: `type`, `pipe`, `options` …). */
interface SchemaNode {
  readonly type: string
  readonly pipe?: readonly SchemaNode[]
  readonly options?: readonly unknown[]
  readonly literal?: unknown
  readonly requirement?: unknown
}

/** A cell's output, or undefined when only valibot may say (a problem, or unsure). */
type CellCheck = (text: string) => string | undefined

/**
 * A row's output (see `quickRowCheck`), or null when valibot must look at it. Cells that are
 * empty or missing read as '' (as `cellText` reads them); any other non-text cell goes to the
 * full path, which names it.
 */
export type RowCheck = (cells: Readonly<Record<string, unknown>>) => Record<string, string> | null

/**
 * A check of a row against an object schema's entries, or null when some entry uses a check
 * this does not know. A row that passes unchanged is returned as it is, with whatever other
 * columns it has; otherwise a new object holds the schema's columns and their outputs.
 */
export function quickRowCheck(entries: Readonly<Record<string, SchemaNode>>): RowCheck | null {
  const columns = Object.keys(entries)
  const checks: CellCheck[] = []
  for (const col of columns) {
    const check = compile(entries[col]!)
    if (!check) return null
    checks.push(check)
  }
  const outputs: string[] = new Array(columns.length)
  return (cells) => {
    let same = true
    for (let i = 0; i < columns.length; i++) {
      const cell = cells[columns[i]!]
      const text = cell === undefined || cell === null ? '' : cell
      if (typeof text !== 'string') return null
      const out = checks[i]!(text)
      if (out === undefined) return null
      outputs[i] = out
      same &&= out === cell
    }
    if (same) return cells as Record<string, string>
    const row: Record<string, string> = {}
    columns.forEach((col, i) => (row[col] = outputs[i]!))
    return row
  }
}

function compile(node: SchemaNode): CellCheck | null {
  if (node.type === 'string') {
    // A pipe starts with the schema itself, then its actions in order.
    const steps = (node.pipe ?? []).slice(1).map(action)
    if (steps.some((s) => s === null)) return null
    return (text) => {
      let value: string | undefined = text
      for (const step of steps as CellCheck[]) if ((value = step(value)) === undefined) break
      return value
    }
  }
  if (node.pipe) return null
  if (node.type === 'literal' && typeof node.literal === 'string') {
    const literal = node.literal
    return (text) => (text === literal ? text : undefined)
  }
  if (node.type === 'picklist' && node.options?.every((o) => typeof o === 'string')) {
    const values = new Set(node.options as string[])
    return (text) => (values.has(text) ? text : undefined)
  }
  if (node.type === 'union' && node.options) {
    // Valibot's union gives the output of the first option that passes.
    const options = (node.options as SchemaNode[]).map(compile)
    if (options.some((o) => o === null)) return null
    return (text) => {
      for (const option of options as CellCheck[]) {
        const out = option(text)
        if (out !== undefined) return out
      }
      return undefined
    }
  }
  return null
}

function action(node: SchemaNode): CellCheck | null {
  const req = node.requirement
  switch (node.type) {
    case 'trim':
      return (text) => text.trim()
    case 'min_length':
      return typeof req === 'number' ? (text) => (text.length >= req ? text : undefined) : null
    case 'regex':
      // A global or sticky expression keeps state between tests: valibot's call alone is exact.
      return req instanceof RegExp && !req.global && !req.sticky
        ? (text) => (req.test(text) ? text : undefined)
        : null
    default:
      return null
  }
}
