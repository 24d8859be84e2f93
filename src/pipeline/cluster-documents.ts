// Cluster signed documents: exact keys, LSH candidates verified by Jaccard or containment, union-find.
import { chooseCanonical } from '../dedup/canonical.js'
import { createLshIndex } from '../dedup/lsh.js'
import { hammingDistance, simhashSimilarity } from '../dedup/simhash.js'
import { createSimhashIndex } from '../dedup/simhash-index.js'
import { setSimilarity } from '../dedup/set-similarity.js'
import { createUnionFind } from '../dedup/union-find.js'
import type { JoinReason } from '../types.js'
import type { Signed } from '../dedup/sign-text.js'

export type { Signed } from '../dedup/sign-text.js'

/** Thresholds and LSH shape for clustering. */
export interface ClusterOptions {
  threshold: number
  containment: number
  permutations: number
  bands: number
  method: 'minhash' | 'simhash'
  maxDistance: number
}

/** Where one document ended up. */
export interface ClusterPlace {
  /** Index of the cluster's canonical document. */
  canonical: number
  /** Similarity to the canonical: 1 for itself and exact copies, else Jaccard or containment. */
  similarity: number
  reason: JoinReason | null
  /** The earlier document whose comparison first put this one in a cluster, or null. */
  matchedWith: number | null
  /** Jaccard similarity of the shingle sets to the canonical document's. */
  jaccard: number
  /** Share of the smaller of this and the canonical document's shingles found in the other. */
  containment: number
}

// A contained copy must have at least this many shingles: a two-line stub is "contained" in
// almost any article that shares its words.
const MIN_CONTAINED_SHINGLES = 20

/**
 * Cluster documents in input order. Exact keys join first; every other pair must come out of the
 * LSH index as candidates and pass either the Jaccard threshold or the containment threshold
 * (the smaller copy's shingles found in the larger: a paywalled or truncated copy).
 *
 * @example
 * clusterDocuments(signed, { threshold: 0.5, containment: 0.8, permutations: 128, bands: 64 })
 */
export function clusterDocuments(
  signed: readonly Signed[],
  options: ClusterOptions,
): ClusterPlace[] {
  const sets = createUnionFind(signed.length)
  const candidates = createCandidateIndex(options)
  const firstWithKey = new Map<string, number>()
  const matchedWith = new Int32Array(signed.length).fill(-1)
  const join = (earlier: number, later: number) => {
    if (sets.union(earlier, later) && matchedWith[later] === -1) matchedWith[later] = earlier
  }
  signed.forEach((doc, i) => {
    if (doc.exact === undefined) return
    const first = firstWithKey.get(doc.exact)
    if (first !== undefined) {
      join(first, i)
      return
    }
    firstWithKey.set(doc.exact, i)
    for (const candidate of candidates(i, doc)) {
      const other = signed[candidate]
      if (other !== undefined && joinReason(doc, other, options) !== null) join(candidate, i)
    }
  })

  const members = new Map<number, number[]>()
  for (let i = 0; i < signed.length; i++) {
    const root = sets.find(i)
    const list = members.get(root)
    if (list === undefined) members.set(root, [i])
    else list.push(i)
  }
  const places: ClusterPlace[] = new Array(signed.length)
  for (const list of members.values()) {
    const canonical = chooseCanonical(list, (i) => signed[i]?.tokens ?? 0)
    const head = signed[canonical]
    for (const i of list) {
      const doc = signed[i]
      const via = matchedWith[i] ?? -1
      const base = { canonical, matchedWith: via < 0 ? null : via }
      if (i === canonical || doc === undefined || head === undefined) {
        places[i] = { ...base, similarity: 1, reason: null, jaccard: 1, containment: 1 }
      } else {
        places[i] = { ...base, ...similarityTo(doc, head, options) }
      }
    }
  }
  return places
}

// Candidates for a new document among the earlier ones: LSH buckets of MinHash bands, or
// SimHash blocks (which already keep only fingerprints within the distance).
function createCandidateIndex(options: ClusterOptions): (i: number, doc: Signed) => number[] {
  if (options.method === 'simhash') {
    const index = createSimhashIndex({ maxDistance: options.maxDistance })
    return (i, doc) => index.add(i, doc.fingerprint ?? new Uint32Array(2))
  }
  const lsh = createLshIndex({ bands: options.bands, rows: options.permutations / options.bands })
  return (i, doc) => lsh.add(i, doc.signature)
}

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
