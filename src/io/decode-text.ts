// Bytes to text: UTF-8 with replacement, reporting whether anything had to be replaced.
import type { DocumentFlag } from '../types.js'

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })

/** Decoded text and whether the bytes were not valid UTF-8. */
export interface DecodedText {
  text: string
  invalidUtf8: boolean
}

/**
 * Decode UTF-8, dropping a byte-order mark. Invalid sequences become U+FFFD and are reported,
 * so a document with a broken byte is kept and flagged rather than lost.
 *
 * @example
 * decodeUtf8(new Uint8Array([0x61, 0xff])) // { text: 'a\uFFFD', invalidUtf8: true }
 */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: strict.decode(bytes), invalidUtf8: false }
  } catch {
    return { text: lenient.decode(bytes), invalidUtf8: true }
  }
}

/**
 * The offset of the first NUL byte within the first `limit` bytes, or -1. Text never holds NUL;
 * binary files (images, archives, executables) almost always do near the start.
 *
 * @example
 * findNul(new Uint8Array([0x50, 0x4b, 0x00])) // 2
 */
export function findNul(bytes: Uint8Array, limit = 8192): number {
  const end = Math.min(bytes.length, limit)
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return i
  return -1
}

/**
 * The flags a document's text earns: `empty` for nothing but whitespace, `invalid_utf8` when its
 * bytes had to be repaired. Such documents are kept and marked, never dropped.
 *
 * @example
 * documentFlags('  ', false) // ['empty']
 */
export function documentFlags(text: string, invalidUtf8: boolean): DocumentFlag[] {
  const flags: DocumentFlag[] = []
  if (text.trim() === '') flags.push('empty')
  if (invalidUtf8) flags.push('invalid_utf8')
  return flags
}
