import { describe, expect, it } from 'vitest'
import { chooseCanonical } from './canonical.js'
import { exactKey } from './exact-key.js'
import { fmix32, hash32 } from './hash32.js'
import { createLshIndex, lshCandidateProbability } from './lsh.js'
import { createMinHasher, estimateContainment, estimateJaccard } from './minhash.js'
import { createOnePermutationHasher } from './one-permutation.js'
import { intersectionCount, setSimilarity } from './set-similarity.js'
import { shingleHashes } from './shingles.js'
import { createUnionFind } from './union-find.js'

// A set of `size` distinct shingle hashes drawn from [offset, offset + size).
function range(offset: number, size: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, i) => hash32(`shingle-${offset + i}`))
}

describe('hashing', () => {
  it('is stable: a change to the hash functions shows here', () => {
    expect(fmix32(1)).toBe(1364076727)
    expect(hash32('')).toBe(0)
    expect(hash32('winnow')).toBe(hash32('winnow'))
    expect(hash32('winnow', 1)).not.toBe(hash32('winnow'))
  })
  it('gives 16-hex-digit exact keys', () => {
    expect(exactKey('oil prices rose')).toMatch(/^[0-9a-f]{16}$/)
    expect(exactKey('oil prices rose')).not.toBe(exactKey('oil prices fell'))
  })
})

describe('shingleHashes', () => {
  it('makes n - k + 1 distinct ordered shingles', () => {
    expect(shingleHashes(['a', 'b', 'c', 'd', 'e'], 3)).toHaveLength(3)
    expect(shingleHashes(['a', 'b', 'a', 'b', 'a', 'b'], 2)).toHaveLength(2)
    const forward = shingleHashes(['a', 'b', 'c'], 3)
    const backward = shingleHashes(['c', 'b', 'a'], 3)
    expect(forward[0]).not.toBe(backward[0])
  })
  it('makes one shingle of a short text and none of an empty one', () => {
    expect(shingleHashes(['a', 'b'], 5)).toHaveLength(1)
    expect(shingleHashes([], 5)).toHaveLength(0)
  })
})

describe('MinHash', () => {
  const hasher = createMinHasher({ permutations: 128, seed: 1 })
  it('estimates Jaccard within 0.1 of the truth', () => {
    for (const overlap of [0, 100, 200, 300, 400]) {
      const a = range(0, 400)
      const b = range(400 - overlap, 400)
      const truth = overlap / (800 - overlap)
      expect(
        Math.abs(estimateJaccard(hasher.signature(a), hasher.signature(b)) - truth),
      ).toBeLessThan(0.1)
    }
  })
  it('is deterministic for a seed and differs across seeds', () => {
    const set = range(0, 50)
    expect(createMinHasher({ permutations: 16, seed: 1 }).signature(set)).toEqual(
      createMinHasher({ permutations: 16, seed: 1 }).signature(set),
    )
    expect(createMinHasher({ permutations: 16, seed: 2 }).signature(set)).not.toEqual(
      createMinHasher({ permutations: 16, seed: 1 }).signature(set),
    )
  })
  it('derives containment from Jaccard and sizes', () => {
    expect(estimateContainment(0.5, 100, 200)).toBeCloseTo(1)
    expect(estimateContainment(0, 100, 200)).toBe(0)
    expect(estimateContainment(1 / 3, 100, 100)).toBeCloseTo(0.5)
  })
})

describe('LSH', () => {
  const hasher = createMinHasher({ permutations: 128, seed: 1 })
  it('makes near-identical documents candidates and disjoint ones not', () => {
    const lsh = createLshIndex({ bands: 32, rows: 4 })
    expect(lsh.add(0, hasher.signature(range(0, 300)))).toEqual([])
    expect(lsh.add(1, hasher.signature(range(1000, 300)))).toEqual([])
    expect(lsh.add(2, hasher.signature(range(10, 300)))).toEqual([0])
  })
  it('computes the candidate probability', () => {
    expect(lshCandidateProbability(0.3, 64, 2)).toBeCloseTo(1 - 0.91 ** 64)
    expect(lshCandidateProbability(1, 8, 4)).toBe(1)
  })
})

describe('union-find and canonical choice', () => {
  it('represents each set by its smallest index', () => {
    const sets = createUnionFind(5)
    expect(sets.union(4, 2)).toBe(true)
    expect(sets.union(2, 3)).toBe(true)
    expect(sets.union(3, 4)).toBe(false)
    expect([0, 1, 2, 3, 4].map((i) => sets.find(i))).toEqual([0, 1, 2, 2, 2])
  })
  it('prefers the longest copy and the first on a tie', () => {
    expect(chooseCanonical([4, 7, 9], (i) => (i === 7 ? 300 : 120))).toBe(7)
    expect(chooseCanonical([9, 4, 7], () => 10)).toBe(4)
  })
})

describe('one-permutation MinHash', () => {
  const hasher = createOnePermutationHasher({ permutations: 128, seed: 1 })
  it('estimates Jaccard within 0.1 of the truth, for large and small sets', () => {
    for (const size of [60, 400]) {
      for (const share of [0, 0.25, 0.5, 0.75, 1]) {
        const overlap = Math.round(size * share)
        const truth = overlap / (2 * size - overlap)
        const estimate = estimateJaccard(
          hasher.signature(range(0, size)),
          hasher.signature(range(size - overlap, size)),
        )
        expect(Math.abs(estimate - truth)).toBeLessThan(0.1)
      }
    }
  })
  it('fills every bin of a non-empty set and none of an empty one', () => {
    expect(hasher.signature(range(0, 3)).every((value) => value !== 0xffffffff)).toBe(true)
    expect(hasher.signature(new Uint32Array(0)).every((value) => value === 0xffffffff)).toBe(true)
  })
})

describe('setSimilarity', () => {
  it('computes exact Jaccard and containment of sorted sets', () => {
    expect(intersectionCount(Uint32Array.of(1, 3, 5), Uint32Array.of(3, 4, 5))).toBe(2)
    expect(setSimilarity(Uint32Array.of(1, 2), Uint32Array.of(1, 2, 3, 4))).toEqual({
      jaccard: 0.5,
      containment: 1,
    })
    expect(setSimilarity(new Uint32Array(0), new Uint32Array(0))).toEqual({
      jaccard: 0,
      containment: 0,
    })
  })
})
