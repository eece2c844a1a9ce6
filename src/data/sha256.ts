import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

/** Hex SHA-256. Pure JS: plain-HTTP intranets have no crypto.subtle. */
export function hashBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes))
}
