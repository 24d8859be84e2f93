// Label prefixes ("Read more:") and site suffixes ("| Daily Ledger") of a line, as template keys.

// A label prefix is at most this many words before a colon ("Read more:", "Topics:").
const MAX_PREFIX_WORDS = 3
// A suffix after the last bar is at most this many words ("| Business", "| The Daily Post").
const MAX_SUFFIX_WORDS = 5

/**
 * The label before a colon near the start of a line key, or undefined. Only a short label with
 * text after it counts, so that "Read more: <headline>" lines of one site share one key.
 *
 * @example
 * labelPrefix('read more: oil prices rise') // 'read more'
 * labelPrefix('he said: "no"') // 'he said'
 */
export function labelPrefix(key: string): string | undefined {
  const colon = key.indexOf(':')
  if (colon <= 0 || colon === key.length - 1) return undefined
  const label = key.slice(0, colon).trim()
  if (label === '' || label.split(' ').length > MAX_PREFIX_WORDS) return undefined
  // Clock times ("10:30") are not labels.
  if (/\d$/.test(label) && /^\d/.test(key.slice(colon + 1))) return undefined
  return label
}

/**
 * The short part after the last `|` of a line key, or undefined: section names and site names
 * that a template appends to headlines ("Headline | Energy", "Headline | Daily Ledger").
 *
 * @example
 * barSuffix('oil prices rise | daily ledger') // 'daily ledger'
 */
export function barSuffix(key: string): string | undefined {
  const bar = key.lastIndexOf('|')
  if (bar <= 0) return undefined
  const suffix = key.slice(bar + 1).trim()
  if (suffix === '' || suffix.split(' ').length > MAX_SUFFIX_WORDS) return undefined
  return suffix
}

// A sentence shape needs this many lower-case words to be a pattern rather than a list of names.
const MIN_SHAPE_WORDS = 3
// Longer lines are running text, whose shape is its own.
const MAX_SHAPE_TOKENS = 25

/**
 * The shape of a short sentence with capitalised words (names) and digits masked, or undefined:
 * captions and credits that a site writes from one pattern ("X, in a file photo from 2022.")
 * share a shape while their names differ. Lines with too few lower-case words have no shape, so
 * headlines and bylines, which are mostly names, never match each other this way.
 *
 * @example
 * sentenceShape('Outboard Marine, in a file photo from 2022.') // 'N N, in a file photo from 0.'
 */
export function sentenceShape(text: string): string | undefined {
  if (cannotHaveShape(text)) return undefined
  // Most lines of an article are long paragraphs: split no further than the limit to know.
  const words = text.split(/\s+/, MAX_SHAPE_TOKENS + 1)
  if (words.length > MAX_SHAPE_TOKENS) return undefined
  let lowerWords = 0
  const shape = words.map((word) => {
    const ascii = PRINTABLE_ASCII.test(word)
    if ((ascii ? ASCII_CAPITALISED : CAPITALISED).test(word)) {
      return word.replace(ascii ? ASCII_NAME_RUN : NAME_RUN, 'N')
    }
    if ((ascii ? ASCII_LOWER_START : LOWER_START).test(word)) lowerWords++
    return word.replace(ascii ? ASCII_DIGITS : DIGITS, '0')
  })
  return lowerWords >= MIN_SHAPE_WORDS ? shape.join(' ') : undefined
}

// A check without allocation that rules out most lines: long paragraphs, and headings or menus
// with fewer than three lower-case words. Words are counted at ASCII whitespace only, so the
// count is at most the real one; every non-ASCII character is counted as a possible start of a
// lower-case word (it may be a space or a lower-case letter), so that count is at least the real
// one. True only when the line certainly has no shape.
function cannotHaveShape(text: string): boolean {
  let words = 1
  let lowerStarts = 0
  let atStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (!atStart) words++
      atStart = true
      continue
    }
    if (c >= 0x80) lowerStarts++
    else if (atStart && c >= 97 && c <= 122) lowerStarts++
    atStart = false
  }
  return words > MAX_SHAPE_TOKENS || lowerStarts < MIN_SHAPE_WORDS
}

// The word patterns of sentenceShape, with ASCII twins: most words are ASCII, and a pattern
// without Unicode property classes runs several times faster. Each twin matches what its
// Unicode pattern matches on ASCII text.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/
const CAPITALISED = /^\P{L}*\p{Lu}/u
const ASCII_CAPITALISED = /^[^A-Za-z]*[A-Z]/
const NAME_RUN = /[\p{L}\p{M}\p{N}'’.&-]+/gu
const ASCII_NAME_RUN = /[A-Za-z0-9'.&-]+/g
const LOWER_START = /^\p{Ll}/u
const ASCII_LOWER_START = /^[a-z]/
const DIGITS = /\p{Nd}+/gu
const ASCII_DIGITS = /[0-9]+/g

/** The keys under which a line is counted in the template table: itself, its label, its suffix, its shape. */
export function templateKeys(key: string, text: string): string[] {
  const keys = [`l ${key}`]
  const shape = sentenceShape(text)
  if (shape !== undefined) keys.push(`n ${shape}`)
  const prefix = labelPrefix(key)
  if (prefix !== undefined) keys.push(`p ${prefix}`)
  const suffix = barSuffix(key)
  if (suffix !== undefined) keys.push(`s ${suffix}`)
  return keys
}
