import { describe, expect, it } from 'vitest'
import { DEFAULT_DEDUP_OPTIONS } from './dedup-options.js'
import { checkPair, pairJoins, reasonOf, type PairSides } from './pair-rules.js'

describe('pairJoins', () => {
  it('agrees with checkPair on pairs near and far from both thresholds', () => {
    let seed = 5
    const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n
    const side = (values: Set<number>): PairSides => ({
      exact: undefined,
      set: Uint32Array.from(values).sort(),
    })
    let joined = 0
    for (let trial = 0; trial < 500; trial++) {
      const shared = Array.from({ length: random(300) }, () => random(1e9))
      const a = new Set([...shared, ...Array.from({ length: random(200) }, () => random(1e9))])
      const b = new Set([...shared, ...Array.from({ length: random(200) }, () => random(1e9))])
      for (const options of [DEFAULT_DEDUP_OPTIONS, { ...DEFAULT_DEDUP_OPTIONS, threshold: 0.8 }]) {
        const expected = reasonOf(checkPair(side(a), side(b), options)) !== null
        expect(pairJoins(side(a), side(b), options)).toBe(expected)
        if (expected) joined++
      }
    }
    expect(joined).toBeGreaterThan(100)
    expect(joined).toBeLessThan(900)
  })
})
