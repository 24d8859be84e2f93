// The letters beyond ASCII that winnow's one-pass scanners read as they read ASCII letters: those
// of the Latin-1, Latin Extended, Greek and Cyrillic blocks that normalisation leaves alone.
import { normalizeLine } from './normalize.js'

// The table covers code units below this: Basic Latin to the end of the Cyrillic block.
const END = 0x0500

/** What {@link plainLetterCase} says of a letter. */
export const UPPER_CASE = 1
export const LOWER_CASE = 2
export const CASELESS = 3

// Per code unit: its lower case when it is a plain letter, else 0; and its case.
const LOWER = new Uint16Array(END)
const CASE = new Uint8Array(END)

// A letter is plain when normalisation (NFKC, and `normalizeLine`'s folding of quote-like
// letters such as U+02BC) keeps it as it is and its lower case is one code unit wherever it
// stands. A text of such letters, ASCII and the typographic marks then needs no normalising: each
// is a starter that composes with nothing after it, so NFKC keeps the whole text as it is, and
// lower-casing it letter by letter gives what `toLowerCase` gives. Capital sigma is left out: its
// lower case depends on whether it ends a word.
const ANY_LETTER = /^\p{L}$/u
for (let c = 0x80; c < END; c++) {
  const letter = String.fromCharCode(c)
  if (!ANY_LETTER.test(letter) || c === 0x03a3) continue
  if (letter.normalize('NFKC') !== letter || normalizeLine(letter) !== letter) continue
  const lower = letter.toLowerCase()
  if (lower.length !== 1) continue
  LOWER[c] = lower.charCodeAt(0)
  CASE[c] = /\p{Lu}/u.test(letter) ? UPPER_CASE : /\p{Ll}/u.test(letter) ? LOWER_CASE : CASELESS
}

/**
 * The lower case of a plain letter above ASCII (see above), or 0 for any other code unit.
 *
 * @example
 * plainLetterLower('Ж'.charCodeAt(0)) === 'ж'.charCodeAt(0) // true
 * plainLetterLower('ﬁ'.charCodeAt(0)) // 0: NFKC makes it two letters
 */
export function plainLetterLower(c: number): number {
  return c < END ? (LOWER[c] ?? 0) : 0
}

/**
 * {@link UPPER_CASE}, {@link LOWER_CASE} or {@link CASELESS} for a plain letter above ASCII (as
 * `\p{Lu}` and `\p{Ll}` class it), 0 for any other code unit.
 *
 * @example
 * plainLetterCase('É'.charCodeAt(0)) === UPPER_CASE // true
 */
export function plainLetterCase(c: number): number {
  return c < END ? (CASE[c] ?? 0) : 0
}
