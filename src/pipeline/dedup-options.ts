// The options of a deduplication run and their measured defaults.

/** Options of a deduplication run. */
export interface DedupOptions {
  /** Remove page furniture before comparing (`--no-clean` turns it off). */
  clean: boolean
  /** Estimated Jaccard similarity at or above which two documents are near-duplicates. */
  threshold: number
  /** Share of the smaller document's shingles found in the larger one that makes it a contained copy. */
  containment: number
  /** Words per shingle. */
  shingleSize: number
  /** MinHash permutations (signature length). */
  permutations: number
  /** LSH bands; permutations must be divisible by bands. */
  bands: number
  /**
   * How near-duplicate candidates are found: MinHash with LSH, verified on the shingle sets
   * (Jaccard and containment), or 64-bit SimHash fingerprints within `maxDistance` bits.
   */
  method: 'minhash' | 'simhash'
  /** With SimHash: the largest Hamming distance between copies' fingerprints (0..7). */
  maxDistance: number
  /** Add to each record how it was matched (`explain`). */
  explain: boolean
  /** Add to each record the lines cleaning removed, with their rules (`removed`). */
  removed: boolean
}

/**
 * Defaults, measured on the labelled dev corpus (see BENCHMARKS.md): 3-word shingles survive
 * house-style word changes better than 5-word ones; 128 permutations estimate Jaccard within
 * about ±0.04; 64 bands of 2 rows make a pair at Jaccard 0.3 a candidate with probability 0.998,
 * so truncated copies (low Jaccard, high containment) reach verification.
 */
export const DEFAULT_DEDUP_OPTIONS: DedupOptions = {
  clean: true,
  threshold: 0.5,
  containment: 0.85,
  shingleSize: 3,
  permutations: 128,
  bands: 64,
  method: 'minhash',
  maxDistance: 3,
  explain: false,
  removed: false,
}
