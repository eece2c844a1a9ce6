// Small PNG helpers for the studio's export: mark a picture with its dpi (a pHYs chunk) so
// layout software (InDesign, WPS, Word) places a print export at its real size, and convert
// between data URLs and bytes. Plain TypeScript: runs in the browser and in Node tests.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const
const METRES_PER_INCH = 0.0254

let crcTable: Uint32Array | null = null

/** CRC-32 as PNG uses it (ISO 3309, polynomial 0xEDB88320, reflected), table-driven. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let c = 0xffffffff
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

interface Chunk {
  type: string
  /** Offset of the chunk's length field; the chunk spans [offset, offset + 12 + length). */
  offset: number
  length: number
}

function readU32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0
}

function writeU32(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 24) & 0xff
  b[at + 1] = (v >>> 16) & 0xff
  b[at + 2] = (v >>> 8) & 0xff
  b[at + 3] = v & 0xff
}

/** The chunks of a PNG, checked for the signature, a leading IHDR and lengths within the file. */
function chunks(png: Uint8Array): Chunk[] {
  if (png.length < SIGNATURE.length || SIGNATURE.some((v, i) => png[i] !== v))
    throw new Error('Not a PNG file: the PNG signature is missing')
  const out: Chunk[] = []
  let at = SIGNATURE.length
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error(`Broken PNG: truncated chunk at byte ${at}`)
    const length = readU32(png, at)
    const type = String.fromCharCode(png[at + 4]!, png[at + 5]!, png[at + 6]!, png[at + 7]!)
    if (at + 12 + length > png.length)
      throw new Error(`Broken PNG: chunk ${type} at byte ${at} runs past the end of the file`)
    out.push({ type, offset: at, length })
    at += 12 + length
    if (type === 'IEND') break
  }
  if (out[0]?.type !== 'IHDR' || out[0].length !== 13)
    throw new Error('Broken PNG: the first chunk is not a 13-byte IHDR')
  return out
}

/** A pHYs chunk (length, type, 9 data bytes, CRC) saying `dpi` in pixels per metre. */
function physChunk(dpi: number): Uint8Array {
  const ppm = Math.round(dpi / METRES_PER_INCH)
  const c = new Uint8Array(21)
  writeU32(c, 0, 9)
  c.set([0x70, 0x48, 0x59, 0x73], 4) // 'pHYs'
  writeU32(c, 8, ppm)
  writeU32(c, 12, ppm)
  c[16] = 1 // unit: metre
  writeU32(c, 17, crc32(c, 4, 17)) // the CRC covers type and data, not the length
  return c
}

/**
 * The same PNG declaring `dpi` (both axes): a pHYs chunk is put right after IHDR, and any pHYs
 * already in the file is dropped, so there is exactly one. Throws on anything but a PNG.
 */
export function setPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!Number.isFinite(dpi) || dpi <= 0) throw new Error(`Invalid dpi: ${dpi}`)
  const list = chunks(png)
  const ihdr = list[0]!
  const ihdrEnd = ihdr.offset + 12 + ihdr.length
  const phys = physChunk(dpi)
  const kept = list.slice(1).filter((c) => c.type !== 'pHYs')
  const keptBytes = kept.reduce((n, c) => n + 12 + c.length, 0)
  // Whatever follows IEND (some encoders leave padding) is kept as it was.
  const last = list[list.length - 1]!
  const tail = png.subarray(last.offset + 12 + last.length)
  const out = new Uint8Array(ihdrEnd + phys.length + keptBytes + tail.length)
  out.set(png.subarray(0, ihdrEnd), 0)
  let at = ihdrEnd
  out.set(phys, at)
  at += phys.length
  for (const c of kept) {
    out.set(png.subarray(c.offset, c.offset + 12 + c.length), at)
    at += 12 + c.length
  }
  out.set(tail, at)
  return out
}

/** Width and height from IHDR, and the dpi of pHYs when it is given in metres (else null). */
export function readPngInfo(png: Uint8Array): {
  width: number
  height: number
  dpi: number | null
} {
  const list = chunks(png)
  const ihdr = list[0]!
  const width = readU32(png, ihdr.offset + 8)
  const height = readU32(png, ihdr.offset + 12)
  const phys = list.find((c) => c.type === 'pHYs' && c.length === 9)
  let dpi: number | null = null
  if (phys && png[phys.offset + 16] === 1) {
    dpi = Math.round(readU32(png, phys.offset + 8) * METRES_PER_INCH)
  }
  return { width, height, dpi }
}

/**
 * The bytes of a data URL: base64 (`data:image/png;base64,…`, what canvas.toDataURL gives) or
 * percent-encoded text (`data:image/svg+xml;charset=UTF-8,%3Csvg…`, what ECharts gives for SVG).
 */
export function dataUrlToBytes(url: string): Uint8Array {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url)
  if (!match) throw new Error('Not a data URL')
  const payload = match[3]!
  if (!match[2]) return new TextEncoder().encode(decodeURIComponent(payload))
  const binary = atob(payload)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** A base64 data URL of the bytes. */
export function bytesToDataUrl(bytes: Uint8Array, mime: string): string {
  let binary = ''
  // In slices: String.fromCharCode with a whole multi-megabyte picture overflows the stack.
  const SLICE = 0x8000
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE))
  }
  return `data:${mime};base64,${btoa(binary)}`
}
