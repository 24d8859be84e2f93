import { describe, expect, it } from 'vitest'
import { createHashCounts } from './hash-counts.js'
import { hashString } from './hash.js'

describe('createHashCounts', () => {
  it('counts keys, including 0 and the largest 53-bit hash, across growth', () => {
    const counts = createHashCounts()
    const keys = [0, 2 ** 53 - 2, ...Array.from({ length: 1000 }, (_, i) => hashString(`k${i}`))]
    keys.forEach((key, i) => counts.add(key, i + 1))
    counts.add(0)
    expect(counts.size).toBe(keys.length)
    expect(counts.get(0)).toBe(2)
    expect(counts.get(2 ** 53 - 2)).toBe(2)
    expect(counts.get(keys[500] ?? -1)).toBe(501)
    expect(counts.get(hashString('absent'))).toBe(0)
    expect(counts.has(hashString('absent'))).toBe(false)
  })

  it('prunes rare keys and keeps the rest exact', () => {
    const counts = createHashCounts()
    for (let i = 0; i < 100; i++) counts.add(i, i % 3 === 0 ? 5 : 1)
    expect(counts.prune(2)).toBe(66)
    expect(counts.size).toBe(34)
    expect(counts.get(3)).toBe(5)
    expect(counts.get(4)).toBe(0)
  })

  it('round-trips through entries, filtered by a minimum count', () => {
    const counts = createHashCounts()
    counts.add(7, 3)
    counts.add(9, 1)
    const copy = createHashCounts(counts.entries(2))
    expect(copy.size).toBe(1)
    expect(copy.get(7)).toBe(3)
    expect(copy.get(9)).toBe(0)
  })
})
