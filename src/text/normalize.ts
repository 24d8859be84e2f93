// Unicode normalisation shared by cleaning and deduplication: one canonical spelling per character.

// Typographic variants that sites choose by house style; folding them makes copies compare equal.
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC]/g
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g
// Zero-width characters and the soft hyphen carry no text; NFKC keeps them, so they go first.
const INVISIBLE = /\u00AD|\u200B|\u200C|\u200D|\u2060|\uFEFF/g
// Every Unicode space (NBSP, thin and ideographic spaces, tabs) becomes one plain space.
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/**
 * Normalise one line of text for display-independent comparison: NFKC, straight quotes, ASCII
 * hyphens for every dash, `...` for the ellipsis, invisible characters removed and runs of any
 * kind of space collapsed to one. Case is kept; see {@link foldCase}.
 *
 * @example
 * normalizeLine('“Café” — 10\u00A0pct…') // '"Café" - 10 pct...'
 */
export function normalizeLine(line: string): string {
  // Printable ASCII is already in normal form: only spaces can need folding.
  if (PRINTABLE_ASCII.test(line))
    return line.includes('  ') ? line.replace(/ +/g, ' ').trim() : line.trim()
  return line
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim()
}

/**
 * Case-fold for comparison. `toLowerCase` is locale-independent, so results do not depend on the
 * machine; the final sigma and other context rules of full case folding are not needed for hashing.
 *
 * @example
 * foldCase('ÉCOLE Straße') // 'école straße'
 */
export function foldCase(text: string): string {
  return text.toLowerCase()
}

/**
 * A comparison key for a line: normalised, case-folded, and with every digit replaced by `0`, so
 * that lines differing only in numbers (dates, counters, market figures) share one key.
 *
 * @example
 * lineKey('FTSE 100 7,576.71 −1.45%') === lineKey('FTSE 100 7,601.02 +0.31%') // false: the sign differs
 * lineKey('Updated 9:41 AM') === lineKey('Updated 10:02 AM') // true
 */
export function lineKey(line: string): string {
  const normal = foldCase(normalizeLine(line))
  return PRINTABLE_ASCII.test(normal)
    ? normal.replace(/[0-9]/g, '0')
    : normal.replace(/\p{Nd}/gu, '0')
}
