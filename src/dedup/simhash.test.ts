// Tests for SimHash fingerprints, Hamming distance and the block index.
import { describe, expect, it } from 'vitest'
import { fmix32, hash32 } from './hash32.js'
import { hammingDistance, popcount32, simhash, simhashSimilarity } from './simhash.js'
import { createSimhashIndex, simhashBlocks } from './simhash-index.js'

// A set of `size` distinct shingle hashes, named by `prefix` so different prefixes are disjoint.
function shingleSet(prefix: string, size: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, i) => hash32(`${prefix}-${i}`))
}

// The same set with the first `count` shingles swapped for ones it does not contain.
function replaced(set: Uint32Array, count: number, prefix: string): Uint32Array {
  const copy = set.slice()
  for (let i = 0; i < count; i++) copy[i] = hash32(`${prefix}-replacement-${i}`)
  return copy
}

// The textbook definition, one ±1 counter per bit, to check the bit-sliced counting against.
function referenceSimhash(shingles: Uint32Array): Uint32Array {
  const votes = new Int32Array(64)
  for (const x of shingles) {
    const words = [fmix32(x ^ 0x7f4a7c15), fmix32(x ^ 0x9e3779b9)]
    for (let bit = 0; bit < 64; bit++) {
      const set = ((words[bit >> 5] ?? 0) >>> (bit & 31)) & 1
      votes[bit] = (votes[bit] ?? 0) + (set === 1 ? 1 : -1)
    }
  }
  let hi = 0
  let lo = 0
  for (let bit = 0; bit < 32; bit++) {
    if ((votes[bit] ?? 0) > 0) lo |= 1 << bit
    if ((votes[bit + 32] ?? 0) > 0) hi |= 1 << bit
  }
  return Uint32Array.of(hi, lo)
}

// A fingerprint with the given bits (0..63) flipped.
function flipped(fingerprint: Uint32Array, bits: readonly number[]): Uint32Array {
  const copy = fingerprint.slice()
  for (const bit of bits) {
    const word = bit < 32 ? 1 : 0
    copy[word] = ((copy[word] ?? 0) ^ (1 << (bit & 31))) >>> 0
  }
  return copy
}

// A random-looking fingerprint, reproducible from a number.
function fingerprintOf(n: number): Uint32Array {
  return Uint32Array.of(fmix32(n * 2 + 1), fmix32(n * 2 + 2))
}

// Deterministic bit positions: `count` distinct bits in 0..63 chosen from `seed`.
function distinctBits(seed: number, count: number): number[] {
  const bits = new Set<number>()
  for (let i = 0; bits.size < count; i++) bits.add(fmix32(seed * 131 + i) % 64)
  return [...bits]
}

describe('popcount32 and hammingDistance', () => {
  it('counts bits of known words', () => {
    expect(popcount32(0)).toBe(0)
    expect(popcount32(1)).toBe(1)
    expect(popcount32(0xffffffff)).toBe(32)
    expect(popcount32(0x80000000)).toBe(1)
    expect(popcount32(0xff00ff00)).toBe(16)
    expect(popcount32(0x12345678)).toBe(13)
    expect(popcount32(-1)).toBe(32)
  })
  it('counts differing bits across both words', () => {
    const zero = Uint32Array.of(0, 0)
    expect(hammingDistance(zero, zero)).toBe(0)
    expect(hammingDistance(Uint32Array.of(0, 0b1011), zero)).toBe(3)
    expect(hammingDistance(Uint32Array.of(0x80000000, 1), zero)).toBe(2)
    expect(hammingDistance(Uint32Array.of(0xffffffff, 0xffffffff), zero)).toBe(64)
    expect(hammingDistance(Uint32Array.of(0xf0f0f0f0, 0x0f0f0f0f), zero)).toBe(32)
  })
  it('turns a distance into a 0..1 similarity', () => {
    expect(simhashSimilarity(0)).toBe(1)
    expect(simhashSimilarity(3)).toBe(0.953125)
    expect(simhashSimilarity(64)).toBe(0)
  })
})

describe('simhash', () => {
  // The input comes from fmix32 alone, so only a change to SimHash itself (or to fmix32, which
  // it uses) moves this value, not a change to how strings are hashed.
  it('is stable: a change to the fingerprint shows here', () => {
    const fingerprint = simhash(Uint32Array.from({ length: 200 }, (_, i) => fmix32(i + 1)))
    expect([...fingerprint].map((word) => word.toString(16).padStart(8, '0'))).toEqual([
      '04f2cfb4',
      '834a7c98',
    ])
    expect(simhash(new Uint32Array(0))).toEqual(Uint32Array.of(0, 0))
  })
  it('matches the ±1 counter definition, also past the 255-shingle batches', () => {
    for (const size of [1, 2, 7, 200, 255, 256, 1000]) {
      const set = shingleSet(`reference-${size}`, size)
      expect(simhash(set)).toEqual(referenceSimhash(set))
    }
  })
  it('gives identical sets distance 0, whatever the order', () => {
    const set = shingleSet('same', 200)
    expect(hammingDistance(simhash(set), simhash(set.slice().reverse()))).toBe(0)
  })
  it('puts disjoint sets about 32 bits apart', () => {
    let total = 0
    for (let trial = 0; trial < 20; trial++) {
      const distance = hammingDistance(
        simhash(shingleSet(`left-${trial}`, 200)),
        simhash(shingleSet(`right-${trial}`, 200)),
      )
      expect(distance).toBeGreaterThan(16)
      expect(distance).toBeLessThan(48)
      total += distance
    }
    expect(Math.abs(total / 20 - 32)).toBeLessThan(4)
  })
  // Each bit differs with probability θ/π (θ the angle between the sets), so single pairs are
  // noisy: 5% replaced expects about 6.5 bits (sd 2.4) and 60% about 24; the mean of 20 pairs
  // is steady enough to assert on.
  it('keeps near copies close and loose copies far', () => {
    let near = 0
    let loose = 0
    for (let trial = 0; trial < 20; trial++) {
      const set = shingleSet(`edited-${trial}`, 200)
      const fingerprint = simhash(set)
      near += hammingDistance(fingerprint, simhash(replaced(set, 10, `near-${trial}`)))
      loose += hammingDistance(fingerprint, simhash(replaced(set, 120, `loose-${trial}`)))
    }
    expect(near / 20).toBeLessThan(10)
    expect(loose / 20).toBeGreaterThan(15)
  })
})

describe('createSimhashIndex', () => {
  it('lays out k + 1 blocks (at least 2) covering all 64 bits', () => {
    expect(simhashBlocks(3)).toEqual([
      { start: 0, width: 22 },
      { start: 22, width: 21 },
      { start: 43, width: 21 },
    ])
    expect(simhashBlocks(4).map((block) => block.width)).toEqual([16, 16, 16, 16])
    for (let count = 2; count <= 8; count++) {
      const blocks = simhashBlocks(count)
      expect(blocks.reduce((sum, block) => sum + block.width, 0)).toBe(64)
    }
  })
  it('finds every fingerprint within k and none beyond it, for k = 0..7', () => {
    for (let k = 0; k <= 7; k++) {
      const index = createSimhashIndex({ maxDistance: k })
      for (let doc = 0; doc < 50; doc++) expect(index.add(doc, fingerprintOf(doc))).toEqual([])
      for (let doc = 0; doc < 50; doc++) {
        const base = fingerprintOf(doc)
        const within = flipped(base, distinctBits(doc, k))
        const beyond = flipped(base, distinctBits(doc + 1000, k + 1))
        expect(index.add(100 + 2 * doc, within)).toEqual([doc])
        expect(index.add(101 + 2 * doc, beyond)).not.toContain(doc)
      }
    }
  })
  it('matches through a block that spans the two words', () => {
    // k = 2: blocks are bits 0..21, 22..42 and 43..63; only the middle one, which crosses
    // from the low word into the high one, is left intact.
    const index = createSimhashIndex({ maxDistance: 2 })
    const base = fingerprintOf(7)
    index.add(0, base)
    expect(index.add(1, flipped(base, [5, 50]))).toEqual([0])
    // 3 bits from doc 0 but 1 from doc 1: only the verified neighbour comes back.
    expect(index.add(2, flipped(base, [5, 31, 50]))).toEqual([1])
  })
  it('returns a near copy, not an unrelated document, ascending', () => {
    const index = createSimhashIndex({ maxDistance: 7 })
    const article = shingleSet('article', 200)
    expect(index.add(3, simhash(article))).toEqual([])
    expect(index.add(5, simhash(shingleSet('unrelated', 200)))).toEqual([])
    expect(index.add(8, simhash(replaced(article, 1, 'typo')))).toEqual([3])
    expect(index.add(9, simhash(article))).toEqual([3, 8])
  })
  it('rejects distances it cannot index', () => {
    expect(() => createSimhashIndex({ maxDistance: 8 })).toThrow(RangeError)
    expect(() => createSimhashIndex({ maxDistance: -1 })).toThrow(RangeError)
    expect(() => createSimhashIndex({ maxDistance: 1.5 })).toThrow(RangeError)
  })
})
