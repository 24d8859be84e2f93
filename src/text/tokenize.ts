// Word tokens for shingling and statistics, with scripts written without spaces split per character.

// Scripts that do not separate words by spaces: each character becomes a token of its own, so
// word shingles over them are character shingles (the same rule the evaluation scorers use).
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u

// Character classes of code points above ASCII, looked up once each: a regex test per character
// is what made tokenising the slowest step of cleaning.
const WORD = 1
const SINGLE = 2
const classCache = new Map<number, number>()

function classOf(codePoint: number): number {
  if (codePoint < 128) {
    const isWord =
      (codePoint >= 97 && codePoint <= 122) ||
      (codePoint >= 65 && codePoint <= 90) ||
      (codePoint >= 48 && codePoint <= 57) ||
      codePoint === 95
    return isWord ? WORD : 0
  }
  let cls = classCache.get(codePoint)
  if (cls === undefined) {
    const char = String.fromCodePoint(codePoint)
    cls = UNSPACED.test(char) ? SINGLE : WORD_CHAR.test(char) ? WORD : 0
    classCache.set(codePoint, cls)
  }
  return cls
}

/**
 * Split already normalised, case-folded text into tokens: maximal runs of letters, marks, digits
 * and underscore; every Han, kana, Thai, Lao, Khmer or Myanmar character is a token by itself.
 *
 * @example
 * tokenize("it's 10.5 pct") // ['it', 's', '10', '5', 'pct']
 * tokenize('東京で雨') // ['東', '京', 'で', '雨']
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = []
  let start = -1
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i) ?? 0
    const width = codePoint > 0xffff ? 2 : 1
    const cls = classOf(codePoint)
    if (cls === WORD) {
      if (start < 0) start = i
    } else {
      if (start >= 0) tokens.push(text.slice(start, i))
      start = -1
      if (cls === SINGLE) tokens.push(text.slice(i, i + width))
    }
    i += width
  }
  if (start >= 0) tokens.push(text.slice(start))
  return tokens
}

/**
 * Tokens of raw text for comparison: normalised, case-folded, then {@link tokenize}d.
 *
 * @example
 * comparisonTokens('“Oil” PRICES—up') // ['oil', 'prices', 'up']
 */
export function comparisonTokens(text: string): string[] {
  return tokenize(text.normalize('NFKC').toLowerCase())
}
