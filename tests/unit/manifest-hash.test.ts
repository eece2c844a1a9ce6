import { afterEach, describe, expect, it, vi } from 'vitest'
import { hashBytesAsync } from '../../src/data/manifest'
import { hashBytes } from '../../src/data/sha256'

const bytes = new TextEncoder().encode('id,name_zh\nx,中南大学\n')
// sha256 of the bytes above, from `printf 'id,name_zh\nx,中南大学\n' | sha256sum`.
const EXPECTED = 'b1c9f961a03f68d5f83593151786c5ec0222226aa6bce8b090a81667bee699aa'

afterEach(() => vi.unstubAllGlobals())

describe('hashBytesAsync', () => {
  it('gives the same SHA-256 as the manifest writer, natively', async () => {
    expect(globalThis.crypto?.subtle).toBeDefined()
    expect(await hashBytesAsync(bytes)).toBe(hashBytes(bytes))
    expect(hashBytes(bytes)).toBe(EXPECTED)
  })

  it('falls back to the JavaScript hash where Web Crypto is missing (plain HTTP)', async () => {
    vi.stubGlobal('crypto', undefined)
    expect(await hashBytesAsync(bytes)).toBe(EXPECTED)
  })
})
