// One pass over a printable-ASCII line: its words case-folded and hashed, and what its key needs.
import { finishHash, HASH_LANE_1, HASH_LANE_2, stepLane1, stepLane2 } from '../text/hash.js'
import { isTypographicMark } from '../text/typographic-marks.js'

/** What {@link scanAsciiLine} finds; valid until its next call. */
export interface AsciiScan {
  /** The number of words; the first `words` entries of the arrays below are theirs. */
  words: number
  /** Each word's `hashString` after case folding. */
  hashes: Float64Array
  /** 1 for a word of digits only. */
  numeric: Uint8Array
  lengths: Uint32Array
  upper: boolean
  lower: boolean
  digit: boolean
  doubleSpace: boolean
  /** The line has typographic marks, which its key writes in their normal form. */
  typographic: boolean
}

// One scan's results, reused from line to line: most lines are short, and a page has dozens.
const scan: AsciiScan = {
  words: 0,
  hashes: new Float64Array(64),
  numeric: new Uint8Array(64),
  lengths: new Uint32Array(64),
  upper: false,
  lower: false,
  digit: false,
  doubleSpace: false,
  typographic: false,
}

// What normalizeLine makes of the typographic marks scanAsciiLine lets through; the others (middle
// dot, bullet, copyright and degree signs) stay as they are.
const TYPOGRAPHIC = /[\u2018\u2019\u201c\u201d\u2013\u2014\u2212\u2026\u00a0]/g
const TYPOGRAPHIC_NORMAL: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00a0': ' ',
}

/**
 * Read a line once, where normalisation changes nothing but runs of spaces and the typographic
 * marks above, and a word is a run of [A-Za-z0-9_]: the words come out case-folded and hashed as
 * `hashString` hashes them. Undefined at the first character outside printable ASCII and those
 * marks.
 *
 * @example
 * scanAsciiLine('Oil rose 5%')?.words // 3
 */
export function scanAsciiLine(text: string): AsciiScan | undefined {
  let words = 0
  let upper = false
  let lower = false
  let digit = false
  let doubleSpace = false
  let typographic = false
  let inWord = false
  let lane1 = 0
  let lane2 = 0
  let length = 0
  let numeric = true
  let previous = 0
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) {
      if (!isTypographicMark(c)) return undefined
      typographic = true
      // A no-break space is a space to the key.
      if (c === 0x00a0) c = 32
    }
    const isUpper = c >= 65 && c <= 90
    const isDigit = c >= 48 && c <= 57
    if (isUpper || (c >= 97 && c <= 122) || isDigit || c === 95) {
      if (isUpper) {
        upper = true
        c += 32
      } else if (isDigit) digit = true
      else if (c !== 95) lower = true
      if (!inWord) {
        inWord = true
        lane1 = HASH_LANE_1
        lane2 = HASH_LANE_2
        length = 0
        numeric = true
      }
      lane1 = stepLane1(lane1, c)
      lane2 = stepLane2(lane2, c)
      length++
      if (!isDigit) numeric = false
    } else {
      if (inWord) {
        keepScanned(words++, finishHash(lane1, lane2), numeric, length)
        inWord = false
      }
      if (c === 32 && previous === 32) doubleSpace = true
    }
    previous = c
  }
  if (inWord) keepScanned(words++, finishHash(lane1, lane2), numeric, length)
  scan.words = words
  scan.upper = upper
  scan.lower = lower
  scan.digit = digit
  scan.doubleSpace = doubleSpace
  scan.typographic = typographic
  return scan
}

function keepScanned(i: number, hash: number, numeric: boolean, length: number): void {
  if (i === scan.hashes.length) {
    const hashes = new Float64Array(i * 2)
    const numeric = new Uint8Array(i * 2)
    const lengths = new Uint32Array(i * 2)
    hashes.set(scan.hashes)
    numeric.set(scan.numeric)
    lengths.set(scan.lengths)
    Object.assign(scan, { hashes, numeric, lengths })
  }
  scan.hashes[i] = hash
  scan.numeric[i] = numeric ? 1 : 0
  scan.lengths[i] = length
}

/**
 * The line's key (see `lineKey`) from its scan: case-folded, typographic marks in their normal
 * form, runs of spaces as one, digits as 0.
 *
 * @example
 * const text = 'Updated 9:41 — AM'
 * asciiLineKey(text, scanAsciiLine(text)!) // 'updated 0:00 - am'
 */
export function asciiLineKey(text: string, found: AsciiScan): string {
  let key = found.typographic
    ? text.replace(TYPOGRAPHIC, (mark) => TYPOGRAPHIC_NORMAL[mark] ?? mark).toLowerCase()
    : text.toLowerCase()
  if (found.doubleSpace) key = key.replace(/ +/g, ' ')
  if (found.digit) key = key.replace(/[0-9]/g, '0')
  return key
}
