// How the Redis index lays out a document: fixed-width binary records, packed band buckets and a
// small sketch for verification, so that a document costs a few hundred bytes of Redis memory.
import { createOnePermutationHasher } from '../dedup/one-permutation.js'
import type { IndexEntry } from './index-store.js'

/**
 * Bands of the entry's LSH signature the Redis index keeps (the first ones; each of 2 rows).
 * 24 bands of 2 rows make a pair at Jaccard 0.3 a candidate with probability 0.90, at 0.4 with
 * 0.985 and at 0.5 with 0.999, at 6 bytes a band.
 */
export const REDIS_BANDS = 24

/**
 * Bytes of the sketch candidates are verified on: 224 one-permutation MinHash bins of 2 bits
 * each (b-bit MinHash, Li and König 2010). At Jaccard 0.5 its estimate has a standard error of
 * 0.043, against 0.067 for 56 bins of 8 bits in the same 56 bytes.
 */
export const SKETCH_BYTES = 56
const SKETCH_BINS = SKETCH_BYTES * 4
const sketcher = createOnePermutationHasher({ permutations: SKETCH_BINS, seed: 0x51ed })

/** Records per record string, and so per names string. */
export const CHUNK = 65536

/** Bytes of one band entry: a 16-bit remainder of the band key and the document's sequence. */
export const BAND_ENTRY = 6

/** Buckets of the id map: hashes small enough for Redis's compact encoding. */
export const MAP_BUCKETS = 16384

/**
 * A document's record: 35 bytes of fixed fields, the 8-byte exact key and the sketch.
 * `parent` is its union-find parent (a cluster's root is its first member); `next` links the
 * members of a cluster in a ring; `canonical` is meaningful on roots.
 */
export const RECORD = {
  parent: 0,
  next: 4,
  canonical: 8,
  tokens: 12,
  setSize: 16,
  cleanedLength: 20,
  matched: 24,
  nameOffset: 28,
  nameLength: 32,
  flags: 34,
  exact: 35,
  sketch: 43,
  bytes: 43 + SKETCH_BYTES,
} as const

/** Bits of a record's `flags`. */
export const FLAG = { exact: 1, duplicate: 2, extra: 4, text: 8 } as const

/**
 * What the check-and-add script receives for one entry, little-endian: tokens, shingle count,
 * cleaned length (u32 each), flags (u8), the exact key (8 bytes), the sketch, the kept band keys
 * (u32 each), then the id's and the exact key's map buckets (u16 each).
 */
export const BODY = {
  tokens: 0,
  setSize: 4,
  cleanedLength: 8,
  flags: 12,
  exact: 13,
  sketch: 21,
  bands: 21 + SKETCH_BYTES,
  idBucket: 21 + SKETCH_BYTES + 4 * REDIS_BANDS,
  bytes: 23 + SKETCH_BYTES + 4 * REDIS_BANDS,
} as const

/** A Redis cluster slot holds every key of a namespace: the braces are its hash tag. */
export function keyPrefix(namespace: string): string {
  return `{${namespace}}:`
}

/**
 * The low 2 bits of each bin of a one-permutation MinHash of the shingles, four bins a byte:
 * the share of equal bins estimates Jaccard similarity (see {@link estimateFromSketches}).
 *
 * @example
 * sketchOf(entry.set).length // 64
 */
export function sketchOf(set: Uint32Array): Uint8Array {
  const signature = sketcher.signature(set)
  const sketch = new Uint8Array(SKETCH_BYTES)
  for (let byte = 0; byte < SKETCH_BYTES; byte++) {
    let packed = 0
    for (let k = 0; k < 4; k++) packed |= ((signature[byte * 4 + k] ?? 0) & 3) << (k * 2)
    sketch[byte] = packed
  }
  return sketch
}

/** How many of the four 2-bit groups of a byte are zero, for every byte value. */
export const ZERO_PAIRS = Uint8Array.from({ length: 256 }, (_, x) => {
  let zero = 0
  for (let shift = 0; shift < 8; shift += 2) if (((x >> shift) & 3) === 0) zero++
  return zero
})

/**
 * Jaccard similarity and containment (smaller in larger) estimated from two b-bit sketches and
 * the sets' sizes. Two unrelated 2-bit bins are equal by chance one time in 4, which the estimate
 * removes. The check-and-add script computes the same figures.
 *
 * @example
 * estimateFromSketches(a, 500, a, 500) // { jaccard: 1, containment: 1 }
 */
export function estimateFromSketches(
  a: Uint8Array,
  sizeA: number,
  b: Uint8Array,
  sizeB: number,
): { jaccard: number; containment: number } {
  let equal = 0
  for (let i = 0; i < SKETCH_BYTES; i++) equal += ZERO_PAIRS[(a[i] ?? 0) ^ (b[i] ?? 0)] ?? 0
  const jaccard = Math.max(0, (equal / SKETCH_BINS - 1 / 4) / (1 - 1 / 4))
  const small = Math.min(sizeA, sizeB)
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard)
  return { jaccard, containment: small === 0 ? 0 : Math.min(1, intersection / small) }
}

/**
 * The script's view of an entry.
 *
 * @example
 * bodyOf(entry).length // BODY.bytes
 */
export function bodyOf(entry: IndexEntry): Buffer {
  const body = Buffer.alloc(BODY.bytes)
  body.writeUInt32LE(entry.tokens, BODY.tokens)
  body.writeUInt32LE(entry.set.length, BODY.setSize)
  body.writeUInt32LE(entry.cleanedLength, BODY.cleanedLength)
  if (entry.exact !== undefined) Buffer.from(entry.exact, 'hex').copy(body, BODY.exact, 0, 8)
  body.writeUInt8(
    (entry.exact === undefined ? 0 : FLAG.exact) | (entry.text === undefined ? 0 : FLAG.text),
    BODY.flags,
  )
  body.set(sketchOf(entry.set), BODY.sketch)
  for (let band = 0; band < REDIS_BANDS; band++) {
    body.writeUInt32LE(entry.bands[band] ?? 0, BODY.bands + 4 * band)
  }
  body.writeUInt16LE(idBucketOf(entry.id), BODY.idBucket)
  return body
}

/**
 * Which of the id map's hashes holds an id: FNV-1a over its UTF-16 code units.
 *
 * @example
 * `${keyPrefix('news')}i:${idBucketOf('doc-1')}` // the key of the hash that maps doc-1
 */
export function idBucketOf(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return (h >>> 0) % MAP_BUCKETS
}

/** A document's record, read back. */
export interface RecordView {
  parent: number
  canonical: number
  tokens: number
  setSize: number
  cleanedLength: number
  matched: number
  flags: number
  exact: string | undefined
  sketch: Uint8Array
}

/**
 * Read a record the script returned.
 *
 * @example
 * recordOf(bytes).tokens
 */
export function recordOf(bytes: Buffer): RecordView {
  const flags = bytes.readUInt8(RECORD.flags)
  return {
    parent: bytes.readUInt32LE(RECORD.parent),
    canonical: bytes.readUInt32LE(RECORD.canonical),
    tokens: bytes.readUInt32LE(RECORD.tokens),
    setSize: bytes.readUInt32LE(RECORD.setSize),
    cleanedLength: bytes.readUInt32LE(RECORD.cleanedLength),
    matched: bytes.readUInt32LE(RECORD.matched),
    flags,
    exact:
      (flags & FLAG.exact) === 0
        ? undefined
        : bytes.subarray(RECORD.exact, RECORD.exact + 8).toString('hex'),
    sketch: new Uint8Array(bytes.subarray(RECORD.sketch, RECORD.sketch + SKETCH_BYTES)),
  }
}
