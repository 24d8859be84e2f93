// Label prefixes ("Read more:") and site suffixes ("| Daily Ledger") of a line, as template keys.
import {
  finishHash,
  HASH_LANE_1,
  HASH_LANE_2,
  hashPrefixed,
  stepLane1,
  stepLane2,
} from '../text/hash.js'

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
  return shapeOutlook(text) === NO_SHAPE ? undefined : buildShape(text)
}

// sentenceShape for a line that shapeOutlook has not ruled out.
function buildShape(text: string): string | undefined {
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

// What a check without allocation can tell of a line's shape.
const NO_SHAPE = 0
const MAYBE_ASCII = 1 // a shape is possible and the line is trimmed printable ASCII
const MAYBE = 2 // a shape is possible

// Rule out most lines without allocating: long paragraphs (stopping at the word past the limit),
// and headings or menus with fewer than three lower-case words. Words are counted at ASCII
// whitespace only, so the count is at most the real one; every non-ASCII character is counted
// as a possible start of a lower-case word (it may be a space or a lower-case letter), so that
// count is at least the real one. NO_SHAPE only when the line certainly has no shape.
function shapeOutlook(text: string): number {
  let words = 1
  let lowerStarts = 0
  let atStart = true
  let ascii = text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || (c >= 9 && c <= 13)) {
      if (!atStart && ++words > MAX_SHAPE_TOKENS) return NO_SHAPE
      if (c !== 32) ascii = false
      atStart = true
      continue
    }
    if (c >= 0x7f || c < 0x20) {
      lowerStarts++
      ascii = false
    } else if (atStart && c >= 97 && c <= 122) lowerStarts++
    atStart = false
  }
  if (lowerStarts < MIN_SHAPE_WORDS) return NO_SHAPE
  return ascii ? MAYBE_ASCII : MAYBE
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

/**
 * `hashString('n ' + sentenceShape(text), seed)`, or undefined when the line has no shape. A
 * trimmed printable-ASCII line, the usual case, is hashed as its shape is read, without
 * building the shape.
 *
 * @example
 * shapeKeyHash('Mara Vint, in a file photo from 2022.', seed) // hashString('n N N, in a file photo from 0.', seed)
 */
export function shapeKeyHash(text: string, seed: number): number | undefined {
  const outlook = shapeOutlook(text)
  if (outlook === NO_SHAPE) return undefined
  if (outlook === MAYBE) {
    const shape = buildShape(text)
    return shape === undefined ? undefined : hashPrefixed('n ', shape, seed)
  }
  let lane1 = stepLane1(stepLane1(HASH_LANE_1 ^ seed, 110), 32) // 'n '
  let lane2 = stepLane2(stepLane2(HASH_LANE_2 ^ seed, 110), 32)
  let words = 0
  let lowerWords = 0
  let i = 0
  while (i < text.length) {
    // The word runs to the next space; its first letter says whether it is a name.
    let end = i
    let firstLetter = 0
    for (let c = text.charCodeAt(end); end < text.length && c !== 32; c = text.charCodeAt(++end)) {
      if (firstLetter === 0 && isAsciiLetter(c)) firstLetter = c
    }
    if (++words > MAX_SHAPE_TOKENS) return undefined
    if (words > 1) {
      lane1 = stepLane1(lane1, 32)
      lane2 = stepLane2(lane2, 32)
    }
    const isName = firstLetter >= 65 && firstLetter <= 90
    if (!isName && isLowerAscii(text.charCodeAt(i))) lowerWords++
    // A name's runs of letters, digits and ' . & - become N; elsewhere runs of digits become 0.
    const mask = isName ? 78 : 48
    let inRun = false
    for (let j = i; j < end; j++) {
      let c = text.charCodeAt(j)
      if (isName ? isNameChar(c) : isDigit(c)) {
        if (inRun) continue
        inRun = true
        c = mask
      } else {
        inRun = false
      }
      lane1 = stepLane1(lane1, c)
      lane2 = stepLane2(lane2, c)
    }
    i = end
    while (text.charCodeAt(i) === 32) i++
  }
  return lowerWords >= MIN_SHAPE_WORDS ? finishHash(lane1, lane2) : undefined
}

const isDigit = (c: number) => c >= 48 && c <= 57
const isLowerAscii = (c: number) => c >= 97 && c <= 122
const isAsciiLetter = (c: number) => isLowerAscii(c) || (c >= 65 && c <= 90)
// [A-Za-z0-9'.&-]: what ASCII_NAME_RUN masks.
const isNameChar = (c: number) =>
  isAsciiLetter(c) || isDigit(c) || c === 39 || c === 46 || c === 38 || c === 45
