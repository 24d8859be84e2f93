// LSH banding over MinHash signatures: documents that agree on a whole band become candidates.
import { fmix32 } from './hash32.js'

/** The band layout: bands × rows must equal the signature length. */
export interface LshOptions {
  bands: number
  rows: number
}

/** An in-memory LSH index. */
export interface LshIndex {
  /** Insert a document and return the earlier documents sharing a band with it, ascending. */
  add(doc: number, signature: Uint32Array): number[]
}

// Each band's buckets are spread over 2^SHARD_BITS maps by the key's top bits: a V8 Map holds
// at most 2^24 entries, which one band would reach at 16.7 million documents. Smaller maps also
// rehash faster as they grow: inserting was about 2.5× faster with 16 shards than with one.
const SHARD_BITS = 4

/**
 * Create an index: bucket tables per band, keyed by a 32-bit mix of the band's rows. A bucket
 * holding one document stores the bare number, so most buckets cost no array: about 45 bytes a
 * band entry on Node 20, so 64 bands cost some 2.9 KB a document. Band keys may collide (about
 * n / 2^32 per band), which only adds a candidate that verification rejects.
 *
 * @example
 * const lsh = createLshIndex({ bands: 64, rows: 2 })
 * lsh.add(0, signatureA) // []
 * lsh.add(1, signatureB) // [0] when some band of A and B agrees
 */
export function createLshIndex(options: LshOptions): LshIndex {
  const { bands, rows } = options
  for (const [name, value] of [
    ['bands', bands],
    ['rows', rows],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`LSH ${name} must be a positive integer, got ${value}`)
    }
  }
  const shards = 1 << SHARD_BITS
  const tables = Array.from({ length: bands * shards }, () => new Map<number, number | number[]>())
  return {
    add(doc, signature) {
      if (signature.length !== bands * rows) {
        throw new RangeError(
          `signature has ${signature.length} values, LSH expects ${bands * rows}`,
        )
      }
      const candidates = new Set<number>()
      const keys = bandHashes(signature, bands, rows)
      for (let band = 0; band < bands; band++) {
        const h = keys[band] ?? 0
        const table = tables[band * shards + (h >>> (32 - SHARD_BITS))]
        if (table === undefined) continue
        const bucket = table.get(h)
        if (bucket === undefined) table.set(h, doc)
        else if (typeof bucket === 'number') {
          candidates.add(bucket)
          table.set(h, [bucket, doc])
        } else {
          for (const other of bucket) candidates.add(other)
          bucket.push(doc)
        }
      }
      return [...candidates].sort((x, y) => x - y)
    },
  }
}

/**
 * The bucket key of each band: a 32-bit mix of the band's rows, seeded by the band number so that
 * equal rows in different bands never meet. Sort-based clustering groups documents by these.
 *
 * @example
 * bandHashes(signature, 64, 2).length // 64
 */
export function bandHashes(signature: Uint32Array, bands: number, rows: number): Uint32Array {
  const keys = new Uint32Array(bands)
  for (let band = 0; band < bands; band++) {
    let h = band
    for (let r = 0; r < rows; r++) h = fmix32(h ^ (signature[band * rows + r] ?? 0))
    keys[band] = h
  }
  return keys
}

/**
 * The chance that a pair with Jaccard similarity j shares at least one band: 1 − (1 − j^r)^b.
 *
 * @example
 * lshCandidateProbability(0.3, 64, 2) // ≈ 0.998
 */
export function lshCandidateProbability(jaccard: number, bands: number, rows: number): number {
  return 1 - (1 - jaccard ** rows) ** bands
}
