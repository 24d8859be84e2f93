// Split a page into its non-empty lines and measure each: the per-line signals cleaning works on.
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
  /** Case-folded word tokens. */
  tokens: string[]
  /** True for a sentence-like line: enough words and a sentence ending, or simply long. */
  prose: boolean
}

// A line of this many words or more reads as running text even without a full stop.
const LONG_LINE_WORDS = 20
// Below this many words a line is a heading, label or button, whatever its punctuation.
const MIN_PROSE_WORDS = 4
// Sentence-final punctuation, optionally followed by a closing quote or bracket.
const SENTENCE_END = /[.!?。！？]["')\]]*$/u

/**
 * Split page text into measured lines, dropping blank ones.
 *
 * @example
 * pageLines('Menu\n\nOil prices rose on Monday after the output cut was agreed.')
 *   .map((line) => line.prose) // [false, true]
 */
export function pageLines(text: string): PageLine[] {
  const lines: PageLine[] = []
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const trimmed = raw.trim()
    if (trimmed === '') continue
    const tokens = comparisonTokens(trimmed)
    if (tokens.length === 0 && normalizeLine(trimmed) === '') continue
    lines.push({
      index: lines.length,
      text: trimmed,
      key: lineKey(trimmed),
      tokens,
      prose: isProse(trimmed, tokens.length),
    })
  }
  return lines
}

function isProse(text: string, words: number): boolean {
  // Capitals throughout mark a headline or a label, in scripts that have letter case.
  if (/\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)) return false
  if (words >= LONG_LINE_WORDS) return true
  return words >= MIN_PROSE_WORDS && SENTENCE_END.test(text)
}
