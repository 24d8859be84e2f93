// Candidate index for SimHash fingerprints within a Hamming distance, by exact-match blocks.
import { hammingDistance, type Fingerprint } from './simhash.js'

/** The largest Hamming distance to accept, 0..7. */
export interface SimhashIndexOptions {
  maxDistance: number
}

/** An in-memory index of fingerprints. */
export interface SimhashIndex {
  /**
   * Return the earlier documents whose fingerprints lie within `maxDistance` of this one,
   * ascending, then insert it.
   */
  add(doc: number, fingerprint: Fingerprint): number[]
}

/** Where one block lies in the 64 bits: bits start..start+width−1, counted from bit 0 of word 1. */
export interface SimhashBlock {
  start: number
  width: number
}

// Each add draws about (k + 1)·n / 2^width chance candidates among n documents, so narrow
// blocks cost quadratic time: at k = 6 and 7 (9- and 8-bit blocks) every add checks roughly 1/60
// and 1/32 of the corpus. Past 7 it is no better than comparing every pair. Large corpora at
// k ≥ 6 would need Manku's multi-table variant (keys of several blocks, one table per choice).
// Distance 7 already means cosine ≥ cos(7π/64) ≈ 0.94 between the shingle sets.
const MAX_SUPPORTED_DISTANCE = 7

/**
 * Split 64 bits into `count` (2..64) contiguous blocks as equal as possible, wider ones first.
 * Blocks may span the two words; keeping them inside one word would make some blocks narrower,
 * and a narrow block draws many more chance candidates (2^−width of all documents).
 *
 * @example
 * simhashBlocks(3) // [{ start: 0, width: 22 }, { start: 22, width: 21 }, { start: 43, width: 21 }]
 */
export function simhashBlocks(count: number): SimhashBlock[] {
  const blocks: SimhashBlock[] = []
  let start = 0
  for (let i = 0; i < count; i++) {
    const width = Math.floor(64 / count) + (i < 64 % count ? 1 : 0)
    blocks.push({ start, width })
    start += width
  }
  return blocks
}

// The block's bits as an unsigned number of at most 32 bits. Bits 0..31 are word 1 (low),
// 32..63 word 0 (high); a block that starts in the low word and ends in the high one takes
// the low word's top bits as its low part.
function blockValue(hi: number, lo: number, block: SimhashBlock): number {
  const { start, width } = block
  const mask = width === 32 ? 0xffffffff : (1 << width) - 1
  if (start >= 32) return ((hi >>> (start - 32)) & mask) >>> 0
  if (start + width <= 32) return ((lo >>> start) & mask) >>> 0
  return (((lo >>> start) | (hi << (32 - start))) & mask) >>> 0
}

/**
 * Create an index for Hamming distance ≤ k with the block method of Manku, Jain and Das Sarma
 * (WWW 2007): split the 64 bits into k + 1 blocks; k differing bits touch at most k of them, so
 * two fingerprints within distance k agree exactly on at least one block. One map per block,
 * from the block's value to the documents holding it, finds the candidates; each is then
 * checked by its true distance. k = 0 uses two 32-bit blocks instead of one 64-bit one, so
 * every key fits a number (extra blocks keep the guarantee and only add candidates).
 * Block widths for k = 0..7: 32, 32, 22, 16, 13, 11, 10 (or 9), 8 bits.
 *
 * @example
 * const index = createSimhashIndex({ maxDistance: 3 })
 * index.add(0, simhash(shinglesA)) // []
 * index.add(1, simhash(shinglesB)) // [0] when A and B differ in at most 3 bits
 */
export function createSimhashIndex(options: SimhashIndexOptions): SimhashIndex {
  const { maxDistance } = options
  if (!Number.isInteger(maxDistance) || maxDistance < 0 || maxDistance > MAX_SUPPORTED_DISTANCE) {
    throw new RangeError(
      `simhash index: maxDistance must be an integer 0..${MAX_SUPPORTED_DISTANCE}, got ${maxDistance}`,
    )
  }
  const blocks = simhashBlocks(Math.max(2, maxDistance + 1))
  // A bucket holding a single entry stores the bare number, so most buckets cost no array.
  const tables = blocks.map(() => new Map<number, number | number[]>())
  // Entries by insertion slot; buckets hold slots, so verifying a candidate needs no lookup.
  const docs: number[] = []
  const stored: Fingerprint[] = []
  return {
    add(doc, fingerprint) {
      const hi = fingerprint[0] ?? 0
      const lo = fingerprint[1] ?? 0
      const own = Uint32Array.of(hi, lo)
      const slot = docs.length
      const seen = new Set<number>()
      const found: number[] = []
      const consider = (other: number) => {
        if (seen.has(other)) return
        seen.add(other)
        const theirs = stored[other]
        if (theirs !== undefined && hammingDistance(own, theirs) <= maxDistance) {
          found.push(docs[other] ?? other)
        }
      }
      blocks.forEach((block, b) => {
        const table = tables[b]
        if (table === undefined) return
        const key = blockValue(hi, lo, block)
        const bucket = table.get(key)
        if (bucket === undefined) table.set(key, slot)
        else if (typeof bucket === 'number') {
          consider(bucket)
          table.set(key, [bucket, slot])
        } else {
          for (const other of bucket) consider(other)
          bucket.push(slot)
        }
      })
      docs.push(doc)
      stored.push(own)
      return found.sort((x, y) => x - y)
    },
  }
}
