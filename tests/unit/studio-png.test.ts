import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { bytesToDataUrl, crc32, dataUrlToBytes, readPngInfo, setPngDpi } from '../../src/studio/png'

/** CRC-32 the slow way (bit by bit), independent of the table in png.ts. */
function referenceCrc(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return (c ^ 0xffffffff) >>> 0
}

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]

function chunk(type: string, data: number[] | Uint8Array): number[] {
  const body = Uint8Array.from([...type].map((c) => c.charCodeAt(0)).concat([...data]))
  return [...u32(data.length), ...body, ...u32(referenceCrc(body))]
}

/** A valid greyscale PNG of the given size (all black), optionally with chunks after IHDR. */
function makePng(width: number, height: number, extra: number[] = []): Uint8Array {
  const raw = new Uint8Array((width + 1) * height) // filter byte 0 + one byte per pixel
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...chunk('IHDR', [...u32(width), ...u32(height), 8, 0, 0, 0, 0]),
    ...extra,
    ...chunk('IDAT', deflateSync(raw)),
    ...chunk('IEND', []),
  ])
}

interface ParsedChunk {
  type: string
  data: Uint8Array
  crc: number
  body: Uint8Array
}

function parseChunks(png: Uint8Array): ParsedChunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const out: ParsedChunk[] = []
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8))
    out.push({
      type,
      data: png.subarray(at + 8, at + 8 + length),
      body: png.subarray(at + 4, at + 8 + length),
      crc: view.getUint32(at + 8 + length),
    })
    at += 12 + length
  }
  return out
}

// A 1×1 PNG as a browser's canvas.toDataURL writes it (RGBA, no pHYs).
const ONE_PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

describe('crc32', () => {
  it('matches the CRC-32 check value and a bitwise reference', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) & 255)
    expect(crc32(bytes)).toBe(referenceCrc(bytes))
  })
})

describe('setPngDpi', () => {
  it('puts a pHYs chunk right after IHDR with 300 dpi in pixels per metre and a valid CRC', () => {
    const png = makePng(3, 2)
    expect(readPngInfo(png)).toEqual({ width: 3, height: 2, dpi: null })
    const out = setPngDpi(png, 300)
    expect(readPngInfo(out)).toEqual({ width: 3, height: 2, dpi: 300 })
    const chunks = parseChunks(out)
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND'])
    const phys = chunks[1]!
    // 300 / 0.0254 = 11811.02 → 11811 pixels per metre on both axes, unit 1 = metre
    expect([...phys.data]).toEqual([...u32(11811), ...u32(11811), 1])
    expect(phys.crc).toBe(referenceCrc(phys.body))
    for (const c of chunks) expect(c.crc).toBe(referenceCrc(c.body))
    // The image data is untouched.
    expect(chunks[2]!.data).toEqual(parseChunks(png)[1]!.data)
    expect(out.length).toBe(png.length + 21)
  })

  it('replaces an existing pHYs, wherever it is, keeping exactly one', () => {
    const old = chunk('pHYs', [...u32(2835), ...u32(2835), 1]) // 72 dpi
    const png = makePng(4, 4, [...chunk('tEXt', [...new TextEncoder().encode('a\0b')]), ...old])
    expect(readPngInfo(png).dpi).toBe(72)
    const out = setPngDpi(png, 300)
    expect(parseChunks(out).map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'tEXt', 'IDAT', 'IEND'])
    expect(readPngInfo(out).dpi).toBe(300)
    expect(out.length).toBe(png.length)
    // Setting it twice changes nothing more.
    expect(setPngDpi(out, 300)).toEqual(out)
  })

  it('works on a browser-written PNG through data URLs', () => {
    const bytes = dataUrlToBytes(ONE_PIXEL)
    expect(readPngInfo(bytes)).toEqual({ width: 1, height: 1, dpi: null })
    const url = bytesToDataUrl(setPngDpi(bytes, 72), 'image/png')
    expect(url.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true)
    expect(readPngInfo(dataUrlToBytes(url))).toEqual({ width: 1, height: 1, dpi: 72 })
  })

  it('refuses what is not a PNG, naming the problem', () => {
    expect(() => setPngDpi(new TextEncoder().encode('<svg/>'), 300)).toThrow(/Not a PNG/)
    expect(() => setPngDpi(new Uint8Array(), 300)).toThrow(/Not a PNG/)
    const cut = makePng(2, 2).subarray(0, 40)
    expect(() => setPngDpi(cut, 300)).toThrow(/Broken PNG/)
    expect(() => readPngInfo(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toThrow(/Not a PNG/)
    expect(() => setPngDpi(makePng(1, 1), 0)).toThrow(/dpi/)
  })
})

describe('data URLs', () => {
  it('round-trips bytes larger than one slice', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) & 255)
    const back = dataUrlToBytes(bytesToDataUrl(bytes, 'application/octet-stream'))
    expect(Buffer.compare(back, bytes)).toBe(0)
  })

  it('reads a percent-encoded SVG data URL as UTF-8', () => {
    const svg = '<svg><text>湖南 & 株洲</text></svg>'
    const url = 'data:image/svg+xml;charset=UTF-8,' + encodeURIComponent(svg)
    expect(new TextDecoder().decode(dataUrlToBytes(url))).toBe(svg)
    expect(() => dataUrlToBytes('image/png;base64,AAAA')).toThrow(/data URL/)
  })
})
