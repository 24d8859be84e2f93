import { describe, expect, it } from 'vitest'
import { sortIndicesByKey } from './radix-sort.js'

describe('sortIndicesByKey', () => {
  it('orders by key and keeps equal keys in their input order', () => {
    const keys = Uint32Array.of(0xffff0000, 5, 0x10005, 5, 0, 0xffffffff)
    const sorted = sortIndicesByKey(Uint32Array.of(0, 1, 2, 3, 4, 5), keys)
    expect([...sorted]).toEqual([4, 1, 3, 2, 0, 5])
  })

  it('agrees with a comparison sort on random keys', () => {
    let seed = 7
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0)
    const keys = Uint32Array.from({ length: 5000 }, () => random() % 1000)
    const indices = Uint32Array.from({ length: 5000 }, (_, i) => i)
    const expected = [...indices].sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b)
    expect([...sortIndicesByKey(indices, keys)]).toEqual(expected)
  })
})
