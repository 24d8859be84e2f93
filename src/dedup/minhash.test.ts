import { describe, expect, it } from 'vitest'
import { hash32 } from './hash32.js'
import { createMinHasher, EMPTY_SLOT, estimateContainment, estimateJaccard } from './minhash.js'

// A set of `size` distinct shingle hashes standing for shingles offset .. offset + size - 1.
function range(offset: number, size: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, i) => hash32(`shingle-${offset + i}`))
}

describe('createMinHasher', () => {
  const hasher = createMinHasher({ permutations: 128, seed: 1 })
  it('estimates Jaccard within 0.1 of the truth at several similarities', () => {
    for (const overlap of [0, 40, 100, 200, 300, 360, 400]) {
      const truth = overlap / (800 - overlap)
      const estimate = estimateJaccard(
        hasher.signature(range(0, 400)),
        hasher.signature(range(400 - overlap, 400)),
      )
      expect(Math.abs(estimate - truth)).toBeLessThan(0.1)
    }
  })
  it('gives 1 for identical sets, in any order', () => {
    const set = range(0, 200)
    const reversed = set.slice().reverse()
    expect(estimateJaccard(hasher.signature(set), hasher.signature(reversed))).toBe(1)
  })
  it('gives exactly 0 for disjoint sets: each h_i is a bijection, so equal minima need a shared shingle', () => {
    expect(
      estimateJaccard(hasher.signature(range(0, 300)), hasher.signature(range(300, 300))),
    ).toBe(0)
  })
  it('is deterministic for a seed and differs across seeds', () => {
    const set = range(0, 50)
    const once = createMinHasher({ permutations: 16, seed: 1 }).signature(set)
    expect(createMinHasher({ permutations: 16, seed: 1 }).signature(set)).toEqual(once)
    expect(createMinHasher({ permutations: 16, seed: 2 }).signature(set)).not.toEqual(once)
  })
  it('is stable: a change to the permutations shows here', () => {
    const signature = createMinHasher({ permutations: 4, seed: 1 }).signature(
      Uint32Array.of(1, 2, 3),
    )
    expect([...signature]).toEqual([1329899717, 1395057733, 703541820, 84359548])
  })
  it('signs an empty set with all empty slots', () => {
    expect(hasher.signature(new Uint32Array(0)).every((v) => v === EMPTY_SLOT)).toBe(true)
    expect(hasher.signature(range(0, 1)).some((v) => v === EMPTY_SLOT)).toBe(false)
  })
  it('refuses a permutation count that is not a positive integer', () => {
    expect(() => createMinHasher({ permutations: 0, seed: 1 })).toThrow(RangeError)
    expect(() => createMinHasher({ permutations: 2.5, seed: 1 })).toThrow(RangeError)
  })
})

describe('estimateJaccard', () => {
  const hasher = createMinHasher({ permutations: 32, seed: 1 })
  const empty = hasher.signature(new Uint32Array(0))
  it('defines the edges: both empty 1, one empty 0', () => {
    expect(estimateJaccard(empty, hasher.signature(new Uint32Array(0)))).toBe(1)
    expect(estimateJaccard(empty, hasher.signature(range(0, 10)))).toBe(0)
    expect(estimateJaccard(hasher.signature(range(0, 10)), empty)).toBe(0)
  })
  it('counts equal positions', () => {
    expect(estimateJaccard(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(1, 9, 3, 9))).toBe(0.5)
  })
  it('refuses signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(4), new Uint32Array(8))).toThrow(RangeError)
  })
})

describe('estimateContainment', () => {
  it('derives containment from Jaccard and set sizes', () => {
    expect(estimateContainment(0.5, 100, 200)).toBeCloseTo(1)
    expect(estimateContainment(0, 100, 200)).toBe(0)
    expect(estimateContainment(1 / 3, 100, 100)).toBeCloseTo(0.5)
    // B inside A: |A∩B| = 50, so 50 of A's 100 shingles lie in B.
    expect(estimateContainment(0.5, 100, 50)).toBeCloseTo(0.5)
  })
  it('clamps a noisy estimate to 0..1 and gives 0 for an empty A', () => {
    expect(estimateContainment(0.9, 100, 300)).toBe(1)
    expect(estimateContainment(0.5, 0, 10)).toBe(0)
  })
})
