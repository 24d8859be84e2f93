import { describe, expect, it } from 'vitest'
import { hash32 } from './hash32.js'
import { EMPTY_SLOT, estimateJaccard } from './minhash.js'
import { createOnePermutationHasher } from './one-permutation.js'

// A set of `size` distinct shingle hashes standing for shingles offset .. offset + size - 1.
function range(offset: number, size: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, i) => hash32(`shingle-${offset + i}`))
}

describe('createOnePermutationHasher', () => {
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
    expect(hasher.signature(range(0, 3)).every((value) => value !== EMPTY_SLOT)).toBe(true)
    expect(hasher.signature(new Uint32Array(0)).every((value) => value === EMPTY_SLOT)).toBe(true)
  })
  it('is deterministic for a seed and differs across seeds', () => {
    const set = range(0, 50)
    const once = createOnePermutationHasher({ permutations: 16, seed: 1 }).signature(set)
    expect(createOnePermutationHasher({ permutations: 16, seed: 1 }).signature(set)).toEqual(once)
    expect(createOnePermutationHasher({ permutations: 16, seed: 2 }).signature(set)).not.toEqual(
      once,
    )
  })
  it('refuses a permutation count that is not a positive integer', () => {
    expect(() => createOnePermutationHasher({ permutations: 0, seed: 1 })).toThrow(RangeError)
  })
})
