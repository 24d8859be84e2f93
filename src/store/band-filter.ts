// A Bloom filter of an index's band keys, shared between threads: most band keys of a new page
// are in no document, and the filter rules them out without a lookup.
import { fmix32 } from '../dedup/hash32.js'

// Bits per key the filter is sized for, and bits set per key: about 0.6% false positives at
// capacity, 5% at twice it (a filter that outgrows its size still never misses a key).
const BITS_PER_KEY = 12
const PROBES = 4

/** What threads pass each other to share one filter (no copy: both are shared memory). */
export interface SharedBandFilter {
  bits: SharedArrayBuffer
  /** The highest document sequence number all of whose band keys are in the filter. */
  covered: SharedArrayBuffer
}

/** A Bloom filter of (band, band hash) keys. */
export interface BandFilter {
  readonly shared: SharedBandFilter
  add(band: number, hash: number): void
  /** False when no document added has this key; true when one may have. */
  mayHave(band: number, hash: number): boolean
  /** Every document up to this sequence number has its keys in the filter. */
  covered(): number
  /** Publish that the keys of every document up to `seq` are in: call after adding them. */
  cover(seq: number): void
}

/**
 * A filter sized for `capacity` keys (a power of two of bits, at least 1 MiB), or one over
 * another thread's shared memory.
 *
 * @example
 * const filter = createBandFilter(1_000_000)
 * filter.add(3, 0x9e3779b1)
 * filter.mayHave(3, 0x9e3779b1) // true
 */
export function createBandFilter(capacity: number | SharedBandFilter): BandFilter {
  const shared = typeof capacity === 'number' ? allocate(capacity) : capacity
  const words = new Int32Array(shared.bits)
  const covered = new BigInt64Array(shared.covered)
  const mask = words.length * 32 - 1
  return {
    shared,
    add(band, hash) {
      // Double hashing: the key's PROBES bits are first, first + step, first + 2 step, …
      const first = firstHash(band, hash)
      const step = fmix32(first ^ 0x85ebca6b) | 1
      for (let i = 0; i < PROBES; i++) {
        const bit = (first + Math.imul(i, step)) & mask
        words[bit >>> 5] = (words[bit >>> 5] ?? 0) | (1 << (bit & 31))
      }
    },
    mayHave(band, hash) {
      const first = firstHash(band, hash)
      const step = fmix32(first ^ 0x85ebca6b) | 1
      for (let i = 0; i < PROBES; i++) {
        const bit = (first + Math.imul(i, step)) & mask
        if (((words[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) return false
      }
      return true
    },
    // Atomic, so that a thread which reads a sequence number also sees the bits set before it.
    covered() {
      return Number(Atomics.load(covered, 0))
    },
    cover(seq) {
      Atomics.store(covered, 0, BigInt(seq))
    },
  }
}

function firstHash(band: number, hash: number): number {
  return fmix32(hash ^ Math.imul(band + 1, 0x9e3779b1))
}

function allocate(capacity: number): SharedBandFilter {
  let bits = 2 ** 23
  while (bits < capacity * BITS_PER_KEY && bits < 2 ** 32) bits *= 2
  return { bits: new SharedArrayBuffer(bits / 8), covered: new SharedArrayBuffer(8) }
}
