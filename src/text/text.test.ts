import { describe, expect, it } from 'vitest'
import { foldCase, lineKey, normalizeLine } from './normalize.js'
import { comparisonTokens, tokenize } from './tokenize.js'
import { hashPrefixed, hashString } from './hash.js'

describe('normalizeLine', () => {
  it('applies NFKC (full-width letters, ligatures)', () => {
    expect(normalizeLine('ＡＢＣ ﬁle')).toBe('ABC file')
  })
  it('straightens curly single and double quotes', () => {
    expect(normalizeLine('‘a’ “b” „c“')).toBe('\'a\' "b" "c"')
  })
  it('turns every dash into a hyphen', () => {
    expect(normalizeLine('a–b—c−d‒e')).toBe('a-b-c-d-e')
  })
  it('spells the ellipsis as three dots', () => {
    expect(normalizeLine('wait…')).toBe('wait...')
  })
  it('turns non-breaking and other spaces into one space', () => {
    expect(normalizeLine('a\u00A0\u2009b\u3000 c\t d')).toBe('a b c d')
  })
  it('removes zero-width characters and soft hyphens', () => {
    expect(normalizeLine('in\u00ADter\u200Bna\u200Ction\uFEFFal')).toBe('international')
  })
})

describe('foldCase', () => {
  it('lower-cases beyond ASCII', () => {
    expect(foldCase('ÉCOLE ПРИВЕТ')).toBe('école привет')
  })
})

describe('lineKey', () => {
  it('masks digits so counters and dates share a key', () => {
    expect(lineKey('Updated 9:41 AM')).toBe(lineKey('Updated 3:07 AM'))
    expect(lineKey('Updated 9:41 AM')).not.toBe(lineKey('Posted 9:41 AM'))
  })
  it('ignores case and typography', () => {
    expect(lineKey('It’s “Here” — Now')).toBe(lineKey('IT\'S "HERE" - NOW'))
  })
})

describe('tokenize', () => {
  it('splits on punctuation and spaces', () => {
    expect(tokenize("it's 10.5 pct")).toEqual(['it', 's', '10', '5', 'pct'])
  })
  it('keeps Cyrillic and Arabic words whole', () => {
    expect(tokenize('привет мир مرحبا')).toEqual(['привет', 'мир', 'مرحبا'])
  })
  it('splits CJK and Thai into single characters', () => {
    expect(tokenize('東京で雨')).toEqual(['東', '京', 'で', '雨'])
    expect(tokenize('abc東京')).toEqual(['abc', '東', '京'])
    expect(tokenize('สวัสดี').length).toBeGreaterThan(1)
  })
  it('returns no tokens for punctuation only', () => {
    expect(tokenize('... — !!')).toEqual([])
  })
})

describe('comparisonTokens', () => {
  it('folds case and compatibility forms', () => {
    expect(comparisonTokens('“Oil” ＰＲＩＣＥＳ—up')).toEqual(['oil', 'prices', 'up'])
  })
})

describe('hashPrefixed', () => {
  it('hashes the joined string without joining it', () => {
    expect(hashPrefixed('l ', 'menu', 7)).toBe(hashString('l menu', 7))
    expect(hashPrefixed('', '')).toBe(hashString(''))
  })
})

describe('hashString', () => {
  it('is stable across runs (a change to the function shows here)', () => {
    expect(hashString('')).toBe(3338908027751811)
  })
  it('differs for different strings and seeds', () => {
    expect(hashString('menu')).not.toBe(hashString('menus'))
    expect(hashString('menu', 1)).not.toBe(hashString('menu', 2))
  })
})
