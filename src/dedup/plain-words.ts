// One pass over a text that normalisation leaves alone: its comparison tokens' hashes, no strings.
import { plainLetterLower } from '../text/plain-letters.js'
import { isTypographicMark } from '../text/typographic-marks.js'
import { fmix32, mixBlock, mixTail } from './hash32.js'

/** What {@link scanPlainWords} finds; valid until its next call. */
export interface PlainWords {
  /** The number of tokens; the first `count` entries of `hashes` are theirs. */
  count: number
  /** Each token's `hash32`, after case folding. */
  hashes: Uint32Array
  /**
   * The tokens joined by single spaces as UTF-16LE bytes (the first `joinedBytes`), the text the
   * exact key hashes.
   */
  joined: Uint8Array
  joinedBytes: number
}

// One scan's results, reused from text to text.
const found: PlainWords = {
  count: 0,
  hashes: new Uint32Array(1024),
  joined: new Uint8Array(16384),
  joinedBytes: 0,
}

/**
 * The tokens `comparisonTokens` would make of a text of ASCII, the common typographic marks
 * (`isTypographicMark`) and the plain letters of other alphabets (`plainLetterLower`), hashed as
 * `hash32` hashes them, with the bytes of their joined form — in one pass, building no string.
 * Undefined at the first other character, where the text needs the general way (NFKC, Unicode
 * classes, scripts without spaces).
 *
 * @example
 * scanPlainWords('Oil “PRICES” rose')?.count // 3
 * scanPlainWords('Ölpreise steigen')?.count // 2
 */
export function scanPlainWords(text: string): PlainWords | undefined {
  let count = 0
  let bytes = 0
  let inWord = false
  let h = 0
  let pending = -1
  let length = 0
  // Room for every character and a space between tokens: the joined form is never longer.
  if (found.joined.length < 2 * text.length) found.joined = new Uint8Array(4 * text.length)
  const joined = found.joined
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    let isWord: boolean
    if (c <= 0x7f) {
      isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95
      if (c >= 65 && c <= 90) {
        c += 32
        isWord = true
      }
    } else {
      const folded = plainLetterLower(c)
      if (folded !== 0) c = folded
      else if (!isTypographicMark(c)) return undefined
      isWord = folded !== 0
    }
    if (isWord) {
      if (!inWord) {
        inWord = true
        h = 0
        pending = -1
        length = 0
        if (count > 0) {
          joined[bytes] = 32
          joined[bytes + 1] = 0
          bytes += 2
        }
      }
      joined[bytes] = c & 0xff
      joined[bytes + 1] = c >>> 8
      bytes += 2
      length++
      // hash32 reads two code units a block.
      if (pending < 0) pending = c
      else {
        h = mixBlock(h, pending | (c << 16))
        pending = -1
      }
    } else if (inWord) {
      keepWord(count++, h, pending, length)
      inWord = false
    }
  }
  if (inWord) keepWord(count++, h, pending, length)
  found.count = count
  found.joinedBytes = bytes
  return found
}

function keepWord(i: number, h: number, pending: number, length: number): void {
  if (i === found.hashes.length) {
    const hashes = new Uint32Array(i * 2)
    hashes.set(found.hashes)
    found.hashes = hashes
  }
  found.hashes[i] = fmix32((pending < 0 ? h : mixTail(h, pending)) ^ (length * 2))
}
