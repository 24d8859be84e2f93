import { describe, expect, it } from 'vitest'
import { fmix32, hash32, hashCodePoint } from './hash32.js'

describe('hash32', () => {
  it('is MurmurHash3 x86_32 of the UTF-16LE bytes: the published test vectors', () => {
    expect(hash32('')).toBe(0)
    expect(hash32('', 1)).toBe(0x514e28b7)
    expect(hash32('', 0xffffffff)).toBe(0x81f16f39)
    // Four zero bytes are two zero code units; "aaaa" (0x61 × 4) is two units of 0x6161.
    expect(hash32('\0\0')).toBe(0x2362f9de)
    expect(hash32('\u6161\u6161', 0x9747b28c)).toBe(0x5a97808a)
  })
  it('is stable: a change to the hash shows here', () => {
    expect(fmix32(1)).toBe(1364076727)
    expect(hash32('winnow')).toBe(3950022333)
    expect(hash32('oil')).toBe(1601855927)
    expect(hash32('東京')).toBe(588546683)
  })
  it('depends on the seed and returns unsigned 32-bit values', () => {
    expect(hash32('winnow', 1)).not.toBe(hash32('winnow'))
    for (const text of ['a', 'ab', 'abc', 'x'.repeat(101)]) {
      const h = hash32(text)
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true)
    }
  })
})

describe('hashCodePoint', () => {
  it('equals hash32 of the character, inside and outside the BMP', () => {
    for (const codePoint of [0, 0x41, 0xe9, 0x6771, 0xffff, 0x10000, 0x20bb7, 0x1f600]) {
      for (const seed of [0, 7, 0x9747b28c]) {
        expect(hashCodePoint(codePoint, seed)).toBe(hash32(String.fromCodePoint(codePoint), seed))
      }
    }
  })
})
