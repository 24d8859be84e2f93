import { describe, expect, it } from 'vitest'
import { fmix32 } from '../dedup/hash32.js'
import { createBandFilter } from './band-filter.js'

// Band keys as an index holds them: 64 bands of well-mixed 32-bit hashes.
const keyOf = (i: number) => ({ band: i % 64, hash: fmix32(i + 1) })

describe('createBandFilter', () => {
  it('never rules out a key it was given', () => {
    const filter = createBandFilter(200_000)
    for (let i = 0; i < 200_000; i++) filter.add(keyOf(i).band, keyOf(i).hash)
    let missed = 0
    for (let i = 0; i < 200_000; i++) if (!filter.mayHave(keyOf(i).band, keyOf(i).hash)) missed++
    expect(missed).toBe(0)
  })

  it('rules out nearly every other key, up to its capacity', () => {
    const filter = createBandFilter(200_000)
    for (let i = 0; i < 200_000; i++) filter.add(keyOf(i).band, keyOf(i).hash)
    let passed = 0
    for (let i = 200_000; i < 400_000; i++)
      if (filter.mayHave(keyOf(i).band, keyOf(i).hash)) passed++
    expect(passed / 200_000).toBeLessThan(0.01)
  })

  it('tells bands apart: a hash in one band is not in another', () => {
    const filter = createBandFilter(1000)
    filter.add(3, 12345)
    expect(filter.mayHave(3, 12345)).toBe(true)
    expect(filter.mayHave(4, 12345)).toBe(false)
  })

  it('is shared: a filter over another’s memory sees its keys and what it covers', () => {
    const writer = createBandFilter(1000)
    const reader = createBandFilter(writer.shared)
    expect(reader.covered()).toBe(0)
    writer.add(7, 99)
    writer.cover(41)
    expect(reader.mayHave(7, 99)).toBe(true)
    expect(reader.covered()).toBe(41)
  })
})
