// Charikar's SimHash: a 64-bit fingerprint per shingle set, compared by Hamming distance.
import { fmix32 } from './hash32.js'

/**
 * A 64-bit SimHash fingerprint as two uint32 words: `[0]` holds bits 63..32, `[1]` bits 31..0.
 * Two words rather than a bigint because BigInt arithmetic is slow in V8, and a Uint32Array
 * is plain data that crosses to a worker or into a store as it is.
 */
export type Fingerprint = Uint32Array

// Seeds for the two 32-bit halves of each shingle's 64 bits. fmix32 is a bijection with full
// avalanche, so distinct seeds give halves that behave as independent hashes of the shingle.
const SEED_HI = 0x9e3779b9
const SEED_LO = 0x7f4a7c15

// Each shingle adds its 64 bits to 64 running counts. Counting bit by bit costs 64 steps a
// shingle; instead the counts are kept bit-sliced ("vertical counters"): plane k holds bit k of
// all 32 counts of one word, so adding a word is a ripple-carry add across the planes, about
// log2(32) steps whatever the word. 8 planes count to 255, so every 255 shingles the planes are
// flushed into plain per-bit totals. Measured about 2.5× faster than the bit-by-bit loop.
const PLANES = 8
const BATCH = (1 << PLANES) - 1
// Planes 0..7 count the low word, 8..15 the high word. Both buffers are reused across calls:
// fingerprinting is synchronous and each worker has its own module instance.
const planes = new Int32Array(2 * PLANES)
const ones = new Int32Array(64)

// Add one word's bits to the counts in planes first..first+7: plane k gets sum bit ^ carry, and
// the carry moves up while any count still carries.
function addToPlanes(first: number, word: number): void {
  let carry = word | 0
  for (let k = first; carry !== 0; k++) {
    const plane = planes[k] ?? 0
    planes[k] = plane ^ carry
    carry = plane & carry
  }
}

// Move the planes' counts into the per-bit totals and clear them.
function flushPlanes(): void {
  for (let k = 0; k < PLANES; k++) {
    const lo = planes[k] ?? 0
    const hi = planes[k + PLANES] ?? 0
    if ((lo | hi) === 0) continue
    for (let bit = 0; bit < 32; bit++) {
      ones[bit] = (ones[bit] ?? 0) + (((lo >>> bit) & 1) << k)
      ones[bit + 32] = (ones[bit + 32] ?? 0) + (((hi >>> bit) & 1) << k)
    }
  }
  planes.fill(0)
}

/**
 * Fingerprint a set of shingle hashes. Each shingle votes +1 or −1 on each of 64 bits and a
 * fingerprint bit is set when its vote is positive. The vote is kept as a count of ones
 * (vote = 2·ones − n), so counting only adds. Every shingle weighs the same: pass distinct
 * hashes, as `shingleHashes` returns them; a repeated hash votes again. An empty set (or a tie
 * on a bit) gives 0 bits.
 *
 * @example
 * const fingerprint = simhash(shingleHashes(tokens, 3))
 * hammingDistance(fingerprint, simhash(shingleHashes(copyTokens, 3))) // small for a near copy
 */
export function simhash(shingles: Uint32Array): Fingerprint {
  ones.fill(0)
  planes.fill(0)
  const n = shingles.length
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(n, start + BATCH)
    for (let s = start; s < end; s++) {
      const x = shingles[s] ?? 0
      addToPlanes(0, fmix32(x ^ SEED_LO))
      addToPlanes(PLANES, fmix32(x ^ SEED_HI))
    }
    flushPlanes()
  }
  let hi = 0
  let lo = 0
  for (let bit = 0; bit < 32; bit++) {
    if (2 * (ones[bit] ?? 0) > n) lo |= 1 << bit
    if (2 * (ones[bit + 32] ?? 0) > n) hi |= 1 << bit
  }
  return Uint32Array.of(hi, lo)
}

/**
 * Count the set bits of a 32-bit word with the SWAR bit trick: sum bits in pairs, then nibbles,
 * then add the four byte counts with one multiply.
 *
 * @example
 * popcount32(0xff00ff00) // 16
 */
export function popcount32(word: number): number {
  let v = word >>> 0
  v -= (v >>> 1) & 0x55555555
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  v = (v + (v >>> 4)) & 0x0f0f0f0f
  return Math.imul(v, 0x01010101) >>> 24
}

/**
 * The number of bits in which two fingerprints differ, 0..64.
 *
 * @example
 * hammingDistance(Uint32Array.of(0, 0b1011), Uint32Array.of(0, 0)) // 3
 */
export function hammingDistance(a: Fingerprint, b: Fingerprint): number {
  return popcount32((a[0] ?? 0) ^ (b[0] ?? 0)) + popcount32((a[1] ?? 0) ^ (b[1] ?? 0))
}

/**
 * A 0..1 similarity from a Hamming distance, 1 − distance/64, so SimHash matches can be
 * reported on the same scale as Jaccard. It is not a Jaccard estimate: each bit differs with
 * probability θ/π, where θ is the angle between the two sets' indicator vectors.
 *
 * @example
 * simhashSimilarity(3) // 0.953125
 */
export function simhashSimilarity(distance: number): number {
  return 1 - distance / 64
}
