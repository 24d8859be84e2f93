// Split a page into its non-empty lines and measure each: the per-line signals cleaning works on.
import {
  finishHash,
  hashString,
  HASH_LANE_1,
  HASH_LANE_2,
  stepLane1,
  stepLane2,
} from '../text/hash.js'
import { lineKey, normalizeLine } from '../text/normalize.js'
import { comparisonTokens } from '../text/tokenize.js'

/** One non-empty line of a page with the measurements cleaning needs. */
export interface PageLine {
  /** Position among the page's non-empty lines. */
  index: number
  /** The line as written, trimmed. */
  text: string
  /** Normalised, case-folded, digits masked: equal for lines that differ only in typography or numbers. */
  key: string
  /** The line's case-folded word tokens, as numbers into its page's {@link PageWords}. */
  tokens: number[]
  /** True for a sentence-like line: enough words and a sentence ending, or simply long. */
  prose: boolean
}

/**
 * The distinct words of a page, numbered in order of first appearance. The rules compare and
 * weigh words by these numbers, so no word is kept as a string of its own.
 */
export interface PageWords {
  /** `hashString` of each word: the key under which the word statistics count it. */
  hashes: Float64Array
  /** 1 for a word made of ASCII digits only. */
  numeric: Uint8Array
  /** Each word's length in UTF-16 code units. */
  lengths: Uint32Array
}

/** A page split into measured lines, with the words they are written in. */
export interface MeasuredPage {
  lines: PageLine[]
  words: PageWords
}

// A line of this many words or more reads as running text even without a full stop.
const LONG_LINE_WORDS = 20
// Below this many words a line is a heading, label or button, whatever its punctuation.
const MIN_PROSE_WORDS = 4

/**
 * Split page text into measured lines, dropping blank ones, and number its words.
 *
 * Most lines are printable ASCII; those are read in one pass over their characters that finds,
 * case-folds and hashes the words without cutting them out as strings. Other lines go through
 * Unicode normalisation and the general tokeniser; both ways give the same words and keys.
 *
 * @example
 * measurePage('Menu\n\nOil prices rose on Monday after the output cut was agreed.')
 *   .lines.map((line) => line.prose) // [false, true]
 */
export function measurePage(text: string): MeasuredPage {
  const words = createWordTable()
  const lines: PageLine[] = []
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const trimmed = raw.trim()
    if (trimmed === '') continue
    const line =
      measureAsciiLine(trimmed, lines.length, words) ?? measureLine(trimmed, lines.length, words)
    if (line !== undefined) lines.push(line)
  }
  return { lines, words: words.done() }
}

/**
 * The measured lines of a page, for callers that do not weigh its words.
 *
 * @example
 * pageLines('A\n\nB').map((line) => line.text) // ['A', 'B']
 */
export function pageLines(text: string): PageLine[] {
  return measurePage(text).lines
}

// The general way: Unicode-normalise, tokenise, hash each word.
function measureLine(trimmed: string, index: number, words: WordTable): PageLine | undefined {
  const strings = comparisonTokens(trimmed)
  if (strings.length === 0 && normalizeLine(trimmed) === '') return undefined
  const tokens = strings.map((word) => words.add(hashString(word), /^\d+$/.test(word), word.length))
  const allCapitals = /\p{Lu}/u.test(trimmed) && !/\p{Ll}/u.test(trimmed)
  return {
    index,
    text: trimmed,
    key: lineKey(trimmed),
    tokens,
    prose: isProse(trimmed, tokens.length, allCapitals),
  }
}

// What one pass over a printable-ASCII line finds besides its words.
const scan = {
  words: 0,
  upper: false,
  lower: false,
  digit: false,
  doubleSpace: false,
  typographic: false,
}
// The words of the line being scanned, before they are numbered.
let scanned = {
  hashes: new Float64Array(64),
  numeric: new Uint8Array(64),
  lengths: new Uint32Array(64),
}

// The fast way for a printable-ASCII line, where normalisation changes nothing but runs of
// spaces and a word is a run of [A-Za-z0-9_]. Lines whose only other characters are common
// typographic marks (curly quotes, dashes, the ellipsis, bullets, no-break spaces) take it too:
// none of them is part of a word, and the key gets their normal form. Undefined for other lines.
function measureAsciiLine(trimmed: string, index: number, words: WordTable): PageLine | undefined {
  if (!scanAscii(trimmed)) return undefined
  // A plain array: a typed array costs several times more to create, and most lines are short.
  const tokens: number[] = []
  for (let i = 0; i < scan.words; i++) {
    tokens.push(
      words.add(scanned.hashes[i] ?? 0, scanned.numeric[i] === 1, scanned.lengths[i] ?? 0),
    )
  }
  let key = scan.typographic
    ? trimmed.replace(TYPOGRAPHIC, (mark) => TYPOGRAPHIC_NORMAL[mark] ?? mark).toLowerCase()
    : trimmed.toLowerCase()
  if (scan.doubleSpace) key = key.replace(/ +/g, ' ')
  if (scan.digit) key = key.replace(/[0-9]/g, '0')
  const allCapitals = scan.upper && !scan.lower
  return { index, text: trimmed, key, tokens, prose: isProse(trimmed, tokens.length, allCapitals) }
}

// What normalizeLine makes of the typographic marks scanAscii lets through; the others (middle
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

function isTypographic(c: number): boolean {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201c:
    case 0x201d:
    case 0x2013:
    case 0x2014:
    case 0x2212:
    case 0x2026:
    case 0x00a0:
    case 0x00b7:
    case 0x2022:
    case 0x00a9:
    case 0x00b0:
      return true
    default:
      return false
  }
}

// Read a line once: false at its first character outside printable ASCII and the typographic
// marks above; otherwise the words (case-folded and hashed as hashString would hash them) are in
// `scanned` and the rest in `scan`.
function scanAscii(text: string): boolean {
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
      if (!isTypographic(c)) return false
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
  return true
}

function keepScanned(i: number, hash: number, numeric: boolean, length: number): void {
  if (i === scanned.hashes.length) {
    const grown = {
      hashes: new Float64Array(i * 2),
      numeric: new Uint8Array(i * 2),
      lengths: new Uint32Array(i * 2),
    }
    grown.hashes.set(scanned.hashes)
    grown.numeric.set(scanned.numeric)
    grown.lengths.set(scanned.lengths)
    scanned = grown
  }
  scanned.hashes[i] = hash
  scanned.numeric[i] = numeric ? 1 : 0
  scanned.lengths[i] = length
}

function isProse(text: string, words: number, allCapitals: boolean): boolean {
  // Capitals throughout mark a headline or a label, in scripts that have letter case.
  if (allCapitals) return false
  if (words >= LONG_LINE_WORDS) return true
  return words >= MIN_PROSE_WORDS && endsSentence(text)
}

// Sentence-final punctuation (. ! ? and their full-width forms), optionally followed by closing
// quotes or brackets.
function endsSentence(text: string): boolean {
  let i = text.length - 1
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--
  const c = text.charCodeAt(i)
  return c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f
}

function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93
}

interface WordTable {
  /** The number of a word (by its hash), numbering it if new. */
  add(hash: number, numeric: boolean, length: number): number
  done(): PageWords
}

// Words by hash in open addressing; 53-bit hashes make two words of one page collide with odds
// of about 1 in 10^11.
function createWordTable(): WordTable {
  const hashes: number[] = []
  const numeric: number[] = []
  const lengths: number[] = []
  let slots = new Int32Array(256)
  const slotOf = (hash: number, mask: number) => Math.imul(hash >>> 0, 0x9e3779b1) & mask

  function place(id: number): void {
    const mask = slots.length - 1
    let slot = slotOf(hashes[id] ?? 0, mask)
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = id + 1
  }

  return {
    add(hash, isNumeric, length) {
      const mask = slots.length - 1
      let slot = slotOf(hash, mask)
      for (let held = slots[slot] ?? 0; held !== 0; held = slots[slot] ?? 0) {
        if (hashes[held - 1] === hash) return held - 1
        slot = (slot + 1) & mask
      }
      const id = hashes.length
      hashes.push(hash)
      numeric.push(isNumeric ? 1 : 0)
      lengths.push(length)
      if (hashes.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2)
        for (let i = 0; i < hashes.length; i++) place(i)
      } else {
        slots[slot] = id + 1
      }
      return id
    },
    done: () => ({
      hashes: Float64Array.from(hashes),
      numeric: Uint8Array.from(numeric),
      lengths: Uint32Array.from(lengths),
    }),
  }
}
