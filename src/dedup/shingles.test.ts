import { describe, expect, it } from 'vitest'
import { charShingleHashes, shingleHashes, sortedUnique } from './shingles.js'

describe('shingleHashes', () => {
  it('makes n - k + 1 shingles of n distinct tokens, sorted ascending', () => {
    const shingles = shingleHashes(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3)
    expect(shingles).toHaveLength(5)
    expect([...shingles]).toEqual([...shingles].sort((x, y) => x - y))
  })
  it('drops repeated shingles', () => {
    expect(shingleHashes(['a', 'b', 'a', 'b', 'a', 'b'], 2)).toHaveLength(2)
    expect(shingleHashes(['x', 'x', 'x', 'x'], 2)).toHaveLength(1)
  })
  it('is order-sensitive within a shingle, also with repeated tokens', () => {
    expect(shingleHashes(['a', 'b', 'c'], 3)).not.toEqual(shingleHashes(['c', 'b', 'a'], 3))
    expect(shingleHashes(['a', 'a', 'b'], 3)).not.toEqual(shingleHashes(['a', 'b', 'b'], 3))
    expect(shingleHashes(['ab', 'c'], 2)).not.toEqual(shingleHashes(['a', 'bc'], 2))
  })
  it('shares the shingles two texts share', () => {
    const a = new Set(shingleHashes(['oil', 'prices', 'rose', 'on', 'monday'], 3))
    const b = shingleHashes(['oil', 'prices', 'rose', 'on', 'tuesday'], 3)
    expect(b.filter((h) => a.has(h))).toHaveLength(2)
  })
  it('makes one shingle of a short text and none of an empty one', () => {
    expect(shingleHashes(['a', 'b'], 5)).toHaveLength(1)
    expect(shingleHashes(['a', 'b'], 5)).toEqual(shingleHashes(['a', 'b'], 2))
    expect(shingleHashes([], 5)).toHaveLength(0)
  })
  it('refuses a size that is not a positive integer', () => {
    expect(() => shingleHashes(['a'], 0)).toThrow(RangeError)
    expect(() => shingleHashes(['a'], 1.5)).toThrow(RangeError)
  })
})

describe('charShingleHashes', () => {
  it('equals word shingles over the characters as tokens, whitespace removed', () => {
    expect(charShingleHashes('東京 で\n雨', 2)).toEqual(shingleHashes(['東', '京', 'で', '雨'], 2))
    expect(charShingleHashes('東京 で\n雨', 2)).toHaveLength(3)
  })
  it('treats a character outside the BMP as one character', () => {
    expect(charShingleHashes('𠮷野家', 2)).toEqual(shingleHashes(['𠮷', '野', '家'], 2))
  })
  it('removes exactly what \\s matches', () => {
    const mismatches: number[] = []
    for (let c = 0; c <= 0xffff; c++) {
      const char = String.fromCharCode(c)
      const expected = /\s/.test(char) ? 1 : 2
      if (charShingleHashes(`a${char}b`, 2).length !== expected) mismatches.push(c)
    }
    expect(mismatches).toEqual([])
  })
  it('makes one shingle of a short text and none of a blank one', () => {
    expect(charShingleHashes('雨', 3)).toHaveLength(1)
    expect(charShingleHashes(' \t\n', 3)).toHaveLength(0)
  })
})

describe('sortedUnique', () => {
  it('sorts numerically and keeps one of each value', () => {
    expect([...sortedUnique(Uint32Array.of(10, 9, 0xffffffff, 9, 10))]).toEqual([9, 10, 0xffffffff])
    expect(sortedUnique(new Uint32Array(0))).toHaveLength(0)
  })
})
