// One pass over a plain line (printable ASCII, typographic marks, plain letters): its words
// case-folded and hashed, and what its key needs.
import { finishHash, HASH_LANE_1, HASH_LANE_2, stepLane1, stepLane2 } from '../text/hash.js'
import { LOWER_CASE, plainLetterCase, plainLetterLower, UPPER_CASE } from '../text/plain-letters.js'
import { isTypographicMark } from '../text/typographic-marks.js'

/** What {@link scanPlainLine} finds; valid until its next call. */
export interface PlainScan {
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
const scan: PlainScan = {
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

// What normalizeLine makes of the typographic marks scanPlainLine lets through; the others (middle
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
 * marks above, and a word is a run of [A-Za-z0-9_] and the plain letters of other alphabets
 * (`plainLetterLower`): the words come out case-folded and hashed as `hashString` hashes them.
 * Undefined at the first character outside printable ASCII, those marks and those letters.
 *
 * @example
 * scanPlainLine('Oil rose 5%')?.words // 3
 * scanPlainLine('Цены на нефть выросли')?.words // 4
 */
export function scanPlainLine(text: string): PlainScan | undefined {
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
    // The case-folded code unit of a word character, or -1 for any other.
    let unit = -1
    if (c >= 0x20 && c <= 0x7e) {
      if (c >= 97 && c <= 122) {
        unit = c
        lower = true
      } else if (c >= 65 && c <= 90) {
        unit = c + 32
        upper = true
      } else if (c >= 48 && c <= 57) {
        unit = c
        digit = true
      } else if (c === 95) unit = c
    } else {
      unit = plainLetterLower(c) || -1
      if (unit > 0) {
        const letterCase = plainLetterCase(c)
        if (letterCase === UPPER_CASE) upper = true
        else if (letterCase === LOWER_CASE) lower = true
      } else if (isTypographicMark(c)) {
        typographic = true
        // A no-break space is a space to the key.
        if (c === 0x00a0) c = 32
      } else return undefined
    }
    if (unit >= 0) {
      if (!inWord) {
        inWord = true
        lane1 = HASH_LANE_1
        lane2 = HASH_LANE_2
        length = 0
        numeric = true
      }
      lane1 = stepLane1(lane1, unit)
      lane2 = stepLane2(lane2, unit)
      length++
      if (c < 48 || c > 57) numeric = false
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
 * plainLineKey(text, scanPlainLine(text)!) // 'updated 0:00 - am'
 */
export function plainLineKey(text: string, found: PlainScan): string {
  let key = found.typographic
    ? text.replace(TYPOGRAPHIC, (mark) => TYPOGRAPHIC_NORMAL[mark] ?? mark).toLowerCase()
    : text.toLowerCase()
  if (found.doubleSpace) key = key.replace(/ +/g, ' ')
  if (found.digit) key = key.replace(/[0-9]/g, '0')
  return key
}
