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

/**
 * Create an index: one bucket table per band, keyed by a 32-bit hash of the band's rows. A bucket
 * holding a single document stores the bare number, so most buckets cost no array.
 *
 * @example
 * const lsh = createLshIndex({ bands: 64, rows: 2 })
 * lsh.add(0, signatureA) // []
 * lsh.add(1, signatureB) // [0] when some band of A and B agrees
 */
export function createLshIndex(options: LshOptions): LshIndex {
  const { bands, rows } = options
  const tables = Array.from({ length: bands }, () => new Map<number, number | number[]>())
  return {
    add(doc, signature) {
      const candidates = new Set<number>()
      for (let band = 0; band < bands; band++) {
        let h = band
        for (let r = 0; r < rows; r++) h = fmix32(h ^ (signature[band * rows + r] ?? 0))
        const table = tables[band]
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
 * The chance that a pair with Jaccard similarity j shares at least one band: 1 − (1 − j^r)^b.
 *
 * @example
 * lshCandidateProbability(0.3, 64, 2) // ≈ 0.998
 */
export function lshCandidateProbability(jaccard: number, bands: number, rows: number): number {
  return 1 - (1 - jaccard ** rows) ** bands
}
