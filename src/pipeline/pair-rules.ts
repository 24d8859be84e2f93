// The rules that make two signed documents copies: exact key, near (Jaccard or SimHash), contained.
import { hammingDistance, simhashSimilarity } from '../dedup/simhash.js'
import {
  intersectionCountUpTo,
  setSimilarity,
  similarityFromShared,
} from '../dedup/set-similarity.js'
import type { JoinReason } from '../types.js'
import type { Signed } from '../dedup/sign-text.js'

/** Thresholds and LSH shape for clustering. */
export interface ClusterOptions {
  threshold: number
  containment: number
  permutations: number
  bands: number
  method: 'minhash' | 'simhash'
  maxDistance: number
}

// A contained copy must have at least this many shingles: a two-line stub is "contained" in
// almost any article that shares its words.
const MIN_CONTAINED_SHINGLES = 20

/** What the pair rules look at: the exact key, the shingle set and the SimHash fingerprint. */
export type PairSides = Pick<Signed, 'exact' | 'set' | 'fingerprint'>

/** Every check dedup makes of a pair, with the measurements behind them. */
export interface PairChecks {
  /** Same normalised token sequence. */
  exact: boolean
  /** Jaccard similarity and containment (smaller in larger) of the shingle sets. */
  jaccard: number
  containment: number
  /** Hamming distance of the SimHash fingerprints, when the run compares by SimHash. */
  distance?: number
  /** The near-duplicate rule of the run's method passes. */
  near: boolean
  /** The containment rule passes (MinHash runs only). */
  contained: boolean
}

/**
 * Measure a pair and apply every rule: exact key, near (Jaccard at the threshold, or SimHash
 * fingerprints within the distance) and contained (the smaller copy's shingles in the larger).
 *
 * @example
 * checkPair(a, b, options).near // true for an edited copy
 */
export function checkPair(a: PairSides, b: PairSides, options: ClusterOptions): PairChecks {
  const exact = a.exact !== undefined && a.exact === b.exact
  const { jaccard, containment } = setSimilarity(a.set, b.set)
  if (options.method === 'simhash') {
    const distance =
      a.fingerprint === undefined || b.fingerprint === undefined
        ? 64
        : hammingDistance(a.fingerprint, b.fingerprint)
    return {
      exact,
      jaccard,
      containment,
      distance,
      near: distance <= options.maxDistance,
      contained: false,
    }
  }
  const longEnough = Math.min(a.set.length, b.set.length) >= MIN_CONTAINED_SHINGLES
  return {
    exact,
    jaccard,
    containment,
    near: jaccard >= options.threshold,
    contained: longEnough && containment >= options.containment,
  }
}

/**
 * Whether any rule joins the pair: {@link checkPair}'s verdict, reached faster. The shingle sets
 * are merged only as long as the pair can still reach the smaller of the two thresholds' counts;
 * a pair that can is measured in full and judged by the same formulas as `checkPair`.
 *
 * @example
 * pairJoins(a, b, options) === (reasonOf(checkPair(a, b, options)) !== null) // always
 */
export function pairJoins(a: PairSides, b: PairSides, options: ClusterOptions): boolean {
  if (a.exact !== undefined && a.exact === b.exact) return true
  if (options.method === 'simhash') return reasonOf(checkPair(a, b, options)) !== null
  const sizeA = a.set.length
  const sizeB = b.set.length
  const nearNeed = (options.threshold * (sizeA + sizeB)) / (1 + options.threshold)
  const longEnough = Math.min(sizeA, sizeB) >= MIN_CONTAINED_SHINGLES
  const containedNeed = longEnough ? options.containment * Math.min(sizeA, sizeB) : Infinity
  // One below the exact bound, so rounding can only let a pair through to the full measure.
  const need = Math.max(0, Math.floor(Math.min(nearNeed, containedNeed)) - 1)
  const shared = intersectionCountUpTo(a.set, b.set, need)
  if (shared < 0) return false
  const { jaccard, containment } = similarityFromShared(sizeA, sizeB, shared)
  return jaccard >= options.threshold || (longEnough && containment >= options.containment)
}

/** Why two documents are copies, or null when they are not. */
export function joinReason(a: PairSides, b: PairSides, options: ClusterOptions): JoinReason | null {
  return reasonOf(checkPair(a, b, options))
}

/**
 * The rule that joins a pair, or null.
 *
 * @example
 * reasonOf(checkPair(a, b, options)) // 'near'
 */
export function reasonOf(checks: PairChecks): JoinReason | null {
  if (checks.exact) return 'exact'
  if (checks.near) return 'near'
  return checks.contained ? 'contained' : null
}

/**
 * A member's similarity to its canonical copy. A member reached only through other members (a
 * chain) is still reported against the canonical copy, as near when no rule holds against it.
 *
 * @example
 * similarityTo(member, canonical, options).reason // 'contained'
 */
export function similarityTo(
  doc: PairSides,
  canonical: PairSides,
  options: ClusterOptions,
): { similarity: number; reason: JoinReason; jaccard: number; containment: number } {
  const checks = checkPair(doc, canonical, options)
  if (checks.exact) return { similarity: 1, reason: 'exact', jaccard: 1, containment: 1 }
  const reason = reasonOf(checks) ?? 'near'
  const similarity =
    checks.distance !== undefined
      ? simhashSimilarity(checks.distance)
      : reason === 'contained'
        ? checks.containment
        : checks.jaccard
  return { similarity, reason, jaccard: checks.jaccard, containment: checks.containment }
}
