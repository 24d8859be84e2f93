// Split a page into its non-empty lines and measure each: the per-line signals cleaning works on.
import { hashString } from '../text/hash.js'
import { lineKey, normalizeLine } from '../text/normalize.js'
import { comparisonTokens } from '../text/tokenize.js'
import { plainLineKey, scanPlainLine } from './plain-line.js'
import type { LineHashes } from './line-hashes.js'
import { createWordTable, type PageWords, type WordTable } from './word-table.js'

/** One non-empty line of a page with the measurements cleaning needs. */
export interface PageLine {
  /** Position among the page's non-empty lines. */
  index: number
  /** Where `text` starts in the page. */
  start: number
  /** The line as written, trimmed. */
  text: string
  /** Normalised, case-folded, digits masked: equal for lines that differ only in typography or numbers. */
  key: string
  /** The line's case-folded word tokens, as numbers into its page's {@link PageWords}. */
  tokens: number[]
  /** True for a sentence-like line: enough words and a sentence ending, or simply long. */
  prose: boolean
}

/** A page split into measured lines, with the words they are written in. */
export interface MeasuredPage {
  lines: PageLine[]
  words: PageWords
  /** The lines' lookup keys for one site, once worked out (see `lineHashesOf`). */
  hashes?: LineHashes
}

// A line of this many words or more reads as running text even without a full stop.
const LONG_LINE_WORDS = 20
// Below this many words a line is a heading, label or button, whatever its punctuation.
const MIN_PROSE_WORDS = 4

/**
 * Split page text into measured lines, dropping blank ones, and number its words.
 *
 * Most lines are plain: printable ASCII, common typographic marks and letters of the Latin, Greek
 * and Cyrillic blocks that normalisation leaves alone. Those are read in one pass over their
 * characters that finds, case-folds and hashes the words without cutting them out as strings.
 * Other lines go through Unicode normalisation and the general tokeniser; both ways give the same
 * words and keys.
 *
 * @example
 * measurePage('Menu\n\nOil prices rose on Monday after the output cut was agreed.')
 *   .lines.map((line) => line.prose) // [false, true]
 */
export function measurePage(text: string): MeasuredPage {
  const words = createWordTable()
  const lines: PageLine[] = []
  // Pages rarely hold a carriage return; without one, a line ends at the next line feed.
  const endOf = text.includes('\r') ? lineEndAnyBreak : lineEndLineFeed
  for (let from = 0; from <= text.length;) {
    const end = endOf(text, from)
    const raw = text.slice(from, end)
    const trimmed = raw.trim()
    if (trimmed !== '') {
      const start = from + (trimmed.length === raw.length ? 0 : raw.length - raw.trimStart().length)
      const line =
        measurePlainLine(trimmed, start, lines.length, words) ??
        measureLine(trimmed, start, lines.length, words)
      if (line !== undefined) lines.push(line)
    }
    from = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1)
  }
  return { lines, words: words.done() }
}

// Where the line starting at `from` ends: at a line feed, a carriage return or the text's end.
function lineEndLineFeed(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end === -1 ? text.length : end
}

function lineEndAnyBreak(text: string, from: number): number {
  let end = from
  while (end < text.length) {
    const c = text.charCodeAt(end)
    if (c === 10 || c === 13) break
    end++
  }
  return end
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
function measureLine(
  trimmed: string,
  start: number,
  index: number,
  words: WordTable,
): PageLine | undefined {
  const strings = comparisonTokens(trimmed)
  if (strings.length === 0 && normalizeLine(trimmed) === '') return undefined
  const tokens = strings.map((word) => words.add(hashString(word), /^\d+$/.test(word), word.length))
  const allCapitals = /\p{Lu}/u.test(trimmed) && !/\p{Ll}/u.test(trimmed)
  return {
    index,
    start,
    text: trimmed,
    key: lineKey(trimmed),
    tokens,
    prose: isProse(trimmed, tokens.length, allCapitals),
  }
}

// The fast way for a plain line, where normalisation changes nothing but runs of spaces and the
// common typographic marks (curly quotes, dashes, the ellipsis, bullets, no-break spaces), which
// are part of no word and which the key writes in their normal form; a word is a run of
// [A-Za-z0-9_] and plain letters (see `plainLetterLower`). Undefined for other lines.
function measurePlainLine(
  trimmed: string,
  start: number,
  index: number,
  words: WordTable,
): PageLine | undefined {
  const scan = scanPlainLine(trimmed)
  if (scan === undefined) return undefined
  // A plain array: a typed array costs several times more to create, and most lines are short.
  const tokens: number[] = []
  for (let i = 0; i < scan.words; i++) {
    tokens.push(words.add(scan.hashes[i] ?? 0, scan.numeric[i] === 1, scan.lengths[i] ?? 0))
  }
  const key = plainLineKey(trimmed, scan)
  const allCapitals = scan.upper && !scan.lower
  return {
    index,
    start,
    text: trimmed,
    key,
    tokens,
    prose: isProse(trimmed, tokens.length, allCapitals),
  }
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
