import { describe, expect, it } from 'vitest'
import { hash32 } from './hash32.js'
import { createLshIndex, lshCandidateProbability } from './lsh.js'
import { createMinHasher } from './minhash.js'

// A set of `size` distinct shingle hashes standing for shingles offset .. offset + size - 1.
function range(offset: number, size: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, i) => hash32(`shingle-${offset + i}`))
}

describe('createLshIndex', () => {
  it('makes near-identical documents candidates and disjoint ones not', () => {
    const hasher = createMinHasher({ permutations: 128, seed: 1 })
    const lsh = createLshIndex({ bands: 32, rows: 4 })
    expect(lsh.add(0, hasher.signature(range(0, 300)))).toEqual([])
    expect(lsh.add(1, hasher.signature(range(1000, 300)))).toEqual([])
    expect(lsh.add(2, hasher.signature(range(10, 300)))).toEqual([0])
  })
  it('needs one whole band to agree, not scattered rows', () => {
    const lsh = createLshIndex({ bands: 4, rows: 2 })
    lsh.add(0, Uint32Array.of(1, 2, 3, 4, 5, 6, 7, 8))
    // Four rows agree, one in each band: no band agrees as a whole.
    expect(lsh.add(1, Uint32Array.of(1, 0, 3, 0, 5, 0, 7, 0))).toEqual([])
    // Only band 2 (values 5, 6) agrees.
    expect(lsh.add(2, Uint32Array.of(0, 0, 0, 0, 5, 6, 0, 0))).toEqual([0])
  })
  it('keeps bands apart: the same values in another band do not match', () => {
    const lsh = createLshIndex({ bands: 2, rows: 2 })
    lsh.add(0, Uint32Array.of(1, 2, 3, 4))
    expect(lsh.add(1, Uint32Array.of(3, 4, 1, 2))).toEqual([])
  })
  it('returns every earlier match once, ascending', () => {
    const lsh = createLshIndex({ bands: 2, rows: 1 })
    lsh.add(5, Uint32Array.of(1, 2))
    lsh.add(3, Uint32Array.of(1, 2))
    lsh.add(9, Uint32Array.of(0, 2))
    expect(lsh.add(10, Uint32Array.of(1, 2))).toEqual([3, 5, 9])
  })
  it('refuses a bad layout and a signature of the wrong length', () => {
    expect(() => createLshIndex({ bands: 0, rows: 2 })).toThrow(RangeError)
    expect(() => createLshIndex({ bands: 4, rows: 1.5 })).toThrow(RangeError)
    expect(() => createLshIndex({ bands: 4, rows: 2 }).add(0, new Uint32Array(6))).toThrow(
      RangeError,
    )
  })
})

describe('lshCandidateProbability', () => {
  it('is 1 - (1 - j^r)^b', () => {
    expect(lshCandidateProbability(0.3, 64, 2)).toBeCloseTo(1 - 0.91 ** 64, 12)
    expect(lshCandidateProbability(0.5, 20, 5)).toBeCloseTo(1 - (1 - 1 / 32) ** 20, 12)
    expect(lshCandidateProbability(1, 8, 4)).toBe(1)
    expect(lshCandidateProbability(0, 8, 4)).toBe(0)
  })
})
