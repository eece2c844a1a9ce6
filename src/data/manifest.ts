import * as v from 'valibot'
import { bytesToHex } from '@noble/hashes/utils.js'
import { TABLE_NAMES, type TableName } from '../domain/tables'

export const SCHEMA_VERSION = 1

const BYTES_MSG = 'expected a whole number of bytes'

const fileEntry = v.object(
  {
    file: v.pipe(
      v.string('expected a file name'),
      v.regex(/^[\w.-]+\.(csv|json)$/i, 'expected a .csv or .json file name in data/'),
    ),
    bytes: v.pipe(v.number(BYTES_MSG), v.integer(BYTES_MSG), v.minValue(0, BYTES_MSG)),
    sha256: v.pipe(
      v.string('expected a SHA-256 in hex'),
      v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex (64 characters 0–9, a–f)'),
    ),
  },
  'expected an object with file, bytes and sha256',
)

export const ManifestSchema = v.object(
  {
    schema: v.literal(SCHEMA_VERSION, `expected schema ${SCHEMA_VERSION}`),
    snapshot: v.object(
      {
        version: v.pipe(v.string('expected text'), v.minLength(1, 'must not be empty')),
        date: v.pipe(
          v.string('expected a date as YYYY-MM-DD'),
          v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
        ),
      },
      'expected an object with version and date',
    ),
    tables: v.object(
      Object.fromEntries(TABLE_NAMES.map((t) => [t, fileEntry])) as Record<
        TableName,
        typeof fileEntry
      >,
      `expected an object with an entry for each table: ${TABLE_NAMES.join(', ')}`,
    ),
  },
  'expected a JSON object with schema, snapshot and tables',
)

export type Manifest = v.InferOutput<typeof ManifestSchema>
export type ManifestEntry = Manifest['tables'][TableName]

/**
 * hashBytes, by the platform's native SHA-256 where there is one: tens of megabytes hash several
 * times faster. Web Crypto exists only in secure contexts (HTTPS, localhost); a dashboard served
 * over plain HTTP on an intranet falls back to the JavaScript one, fetched only then.
 */
export async function hashBytesAsync(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return (await import('./sha256')).hashBytes(bytes)
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return bytesToHex(new Uint8Array(digest))
}
