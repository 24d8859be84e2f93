import { describe, expect, it } from 'vitest'
import { measurePage } from '../clean/page-lines.js'
import { scanPlainLine } from '../clean/plain-line.js'
import { hash32 } from '../dedup/hash32.js'
import { scanPlainWords } from '../dedup/plain-words.js'
import { hashString } from './hash.js'
import { lineKey } from './normalize.js'
import {
  CASELESS,
  LOWER_CASE,
  plainLetterCase,
  plainLetterLower,
  UPPER_CASE,
} from './plain-letters.js'
import { comparisonTokens } from './tokenize.js'

// Every plain letter, and characters around them that must not be taken for plain ones.
const PLAIN = Array.from({ length: 0x500 }, (_, c) => c).filter((c) => plainLetterLower(c) !== 0)
const ASCII = 'Oil rose 5% on_Monday, said ABC:  "up" (2024)'
const MARKS = '‘’“”–—−…\u00a0·•©°'

// A deterministic stream of numbers in [0, 1).
function randomStream(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Lines of plain letters mixed with ASCII, spaces and typographic marks.
function plainLines(count: number, seed: number): string[] {
  const random = randomStream(seed)
  const pick = (text: string) => text[Math.floor(random() * text.length)] ?? ''
  return Array.from({ length: count }, () => {
    let line = ''
    for (let n = 1 + Math.floor(random() * 40); n > 0; n--) {
      const r = random()
      if (r < 0.55) line += String.fromCharCode(PLAIN[Math.floor(random() * PLAIN.length)] ?? 65)
      else if (r < 0.8) line += pick(ASCII)
      else if (r < 0.9) line += ' '
      else line += pick(MARKS)
    }
    return line.trim() === '' ? 'x' : line.trim()
  })
}

describe('plain letters', () => {
  it('are the letters of Latin-1, Latin Extended, Greek and Cyrillic that NFKC keeps', () => {
    for (const letter of ['é', 'Ö', 'ß', 'ł', 'Ж', 'я', 'Ω', 'ά']) {
      expect(plainLetterLower(letter.charCodeAt(0))).toBe(letter.toLowerCase().charCodeAt(0))
    }
    // NFKC changes these, or their lower case depends on where they stand or is two letters.
    for (const other of ['ª', 'µ', 'ſ', 'Ǆ', 'Σ', 'İ', '\u0301', '\u00ad', '²', '東', 'a']) {
      expect(plainLetterLower(other.charCodeAt(0))).toBe(0)
    }
    expect(PLAIN.length).toBeGreaterThan(500)
  })

  it('are classed by case as the Unicode classes are', () => {
    expect(plainLetterCase('É'.charCodeAt(0))).toBe(UPPER_CASE)
    expect(plainLetterCase('ж'.charCodeAt(0))).toBe(LOWER_CASE)
    expect(plainLetterCase('ǀ'.charCodeAt(0))).toBe(CASELESS)
    expect(plainLetterCase('—'.charCodeAt(0))).toBe(0)
  })

  it('make texts that NFKC and letter-by-letter lower-casing leave as the general way does', () => {
    for (const line of plainLines(300, 1)) {
      expect(line.normalize('NFKC')).toBe(line.replace(/\u00a0/g, ' ').replace(/…/g, '...'))
      const byLetter = [...line]
        .map((ch) =>
          String.fromCharCode(plainLetterLower(ch.charCodeAt(0)) || ch.toLowerCase().charCodeAt(0)),
        )
        .join('')
      expect(byLetter).toBe(line.toLowerCase())
    }
  })
})

describe('the one-pass scanners on plain letters', () => {
  const lines = [
    'Цены на нефть выросли в понедельник',
    'Ölpreise steigen — “Brent” über 90\u00a0Dollar…',
    'Η ΤΙΜΗ του πετρελαίου αυξήθηκε 3,5%',
    'Łódź: Zażółć gęślą jaźń',
    'ÉCOLE NATIONALE',
    ...plainLines(200, 2),
  ]

  it('take every such line', () => {
    for (const line of lines.slice(0, 5)) expect(scanPlainLine(line)).toBeDefined()
  })

  it('measure a line into the words and key of the general definitions', () => {
    for (const text of lines) {
      const { lines: measured, words } = measurePage(text)
      const [line] = measured
      expect(line?.key).toBe(lineKey(text))
      expect(line?.tokens.map((id) => words.hashes[id])).toEqual(
        comparisonTokens(text).map((word) => hashString(word)),
      )
      const allCapitals = /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)
      const scan = scanPlainLine(text.trim())
      expect(scan !== undefined && scan.upper && !scan.lower).toBe(allCapitals)
    }
  })

  it('sign a text with the tokens, hashes and joined bytes of the general way', () => {
    for (const text of lines) {
      const found = scanPlainWords(text)
      const tokens = comparisonTokens(text)
      expect(found).toBeDefined()
      expect([...(found?.hashes.subarray(0, found.count) ?? [])]).toEqual(
        tokens.map((token) => hash32(token)),
      )
      expect([...(found?.joined.subarray(0, found.joinedBytes) ?? [])]).toEqual([
        ...Buffer.from(tokens.join(' '), 'utf16le'),
      ])
    }
  })
})
