// Word tokens for shingling and statistics, with scripts written without spaces split per character.

// Scripts that do not separate words by spaces: each character becomes a token of its own, so
// word shingles over them are character shingles (the same rule the evaluation scorers use).
const UNSPACED =
  '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}'
const TOKEN = new RegExp(`[${UNSPACED}]|(?:(?![${UNSPACED}])[\\p{L}\\p{M}\\p{N}_])+`, 'gu')

/**
 * Split already normalised, case-folded text into tokens: maximal runs of letters, marks, digits
 * and underscore; every Han, kana, Thai, Lao, Khmer or Myanmar character is a token by itself.
 *
 * @example
 * tokenize("it's 10.5 pct") // ['it', 's', '10', '5', 'pct']
 * tokenize('東京で雨') // ['東', '京', 'で', '雨']
 */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
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
