// File names shared by the loader and the code around it. Kept apart from loadSnapshot.ts so that
// code which only needs a name (the screen's poll) does not pull in the parser and validator.

export const MANIFEST_FILE = 'manifest.json'

/**
 * What identifies a published snapshot in its manifest: its version, date and each file's size
 * and hash. Two manifests with the same key describe the same bytes, however their text is laid
 * out. Reads the JSON as it comes, without the validator (which the screen's thread does not
 * load); null when it is not shaped like a manifest, which the loader will then report.
 */
export function snapshotKey(manifest: unknown): string | null {
  const m = manifest as {
    schema?: unknown
    snapshot?: { version?: unknown; date?: unknown } | null
    tables?: Record<string, { file?: unknown; bytes?: unknown; sha256?: unknown } | null> | null
  } | null
  if (typeof m !== 'object' || m === null || typeof m.tables !== 'object' || !m.tables) return null
  const files = Object.keys(m.tables)
    .sort()
    .map((t) => {
      const e = m.tables![t]
      return [t, e?.file, e?.bytes, e?.sha256]
    })
  return JSON.stringify([m.schema, m.snapshot?.version, m.snapshot?.date, files])
}
