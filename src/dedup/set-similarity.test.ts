import { describe, expect, it } from 'vitest'
import { intersectionCount, intersectionCountUpTo, setSimilarity } from './set-similarity.js'

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

describe('intersectionCountUpTo', () => {
  it('counts like intersectionCount when the count reaches the need, and says -1 otherwise', () => {
    let seed = 3
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 400
    for (let trial = 0; trial < 200; trial++) {
      const a = sortedDistinct(Array.from({ length: random() }, random))
      const b = sortedDistinct(Array.from({ length: random() }, random))
      const need = random() % 60
      const full = intersectionCount(a, b)
      expect(intersectionCountUpTo(a, b, need)).toBe(full >= need ? full : -1)
    }
  })
})

function sortedDistinct(values: number[]): Uint32Array {
  return Uint32Array.from(new Set(values)).sort()
}
