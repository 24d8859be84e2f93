import { describe, expect, it } from 'vitest'
import { intersectionCount, setSimilarity } from './set-similarity.js'

describe('setSimilarity', () => {
  it('counts shared values of sorted sets', () => {
    expect(intersectionCount(Uint32Array.of(1, 3, 5), Uint32Array.of(3, 4, 5))).toBe(2)
    expect(intersectionCount(Uint32Array.of(1, 2), new Uint32Array(0))).toBe(0)
  })
  it('computes exact Jaccard and the containment of the smaller set', () => {
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
