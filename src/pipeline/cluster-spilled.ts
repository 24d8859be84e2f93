// Cluster a run's signed documents from their spill files: sort-based LSH, exact verification.
import { chooseCanonical } from '../dedup/canonical.js'
import { sortIndicesByKey } from '../dedup/radix-sort.js'
import { createSimhashIndex } from '../dedup/simhash-index.js'
import { createUnionFind } from '../dedup/union-find.js'
import { createHashCounts } from '../text/hash-counts.js'
import type { BandSpill } from '../io/band-spill.js'
import type { SetSpill } from '../io/set-spill.js'
import type { JoinReason } from '../types.js'
import { pairJoins, similarityTo, type ClusterOptions, type PairSides } from './pair-rules.js'

// A pair's key is later × 2^26 + earlier: exact in a double for up to 67 million documents.
const PAIR_KEY_SHIFT = 2 ** 26

/** What a run keeps of each signed document: small columns in memory, the rest in spill files. */
export interface SignedColumns {
  count: number
  /** The 64-bit exact key per document as two 32-bit halves (high first). */
  exactKeys: Uint32Array
  /** Tokens per document; an empty document (0 tokens) has no exact key and joins nothing. */
  tokens: Uint32Array
  bands: BandSpill
  sets: SetSpill
  /** Two 32-bit halves per document, when the run compares by SimHash. */
  fingerprints?: Uint32Array
}

/** Where each document ended up, column by column (index = document number). */
export interface ClusterColumns {
  canonical: Int32Array
  /** The earlier document whose comparison first joined it to a cluster, or -1. */
  matchedWith: Int32Array
  reason: (JoinReason | null)[]
  similarity: Float64Array
  jaccard: Float64Array
  containment: Float64Array
  /**
   * Bytes of index that clustering held in memory at its peak: the per-document columns, the
   * union-find, one band's keys with its sort buffers, and the table of failed pairs (SimHash runs).
   */
  indexBytes: number
}

/**
 * Cluster the documents: exact keys first, then candidate pairs (documents sharing an LSH band
 * key, found by sorting each band's keys; or SimHash neighbours), each verified on the shingle
 * sets read back from the spill. The result is that of adding the documents one by one in input
 * order and joining each to every earlier candidate that passes — components, canonical copies
 * and `matchedWith` (the smallest earlier document that passes) alike — while memory holds one
 * band at a time instead of a bucket table of every band.
 *
 * @example
 * const places = clusterSpilled(columns, options)
 * places.canonical[3] // the canonical document of document 3
 */
export function clusterSpilled(columns: SignedColumns, options: ClusterOptions): ClusterColumns {
  const { count } = columns
  if (count > PAIR_KEY_SHIFT) {
    throw new RangeError(`a run clusters at most ${PAIR_KEY_SHIFT} documents, got ${count}`)
  }
  const sets = createUnionFind(count)
  const matchedWith = new Int32Array(count).fill(-1)
  const sides = (i: number): PairSides => ({
    exact: exactKeyOf(columns, i),
    set: columns.sets.read(i),
    ...(columns.fingerprints === undefined
      ? {}
      : { fingerprint: columns.fingerprints.subarray(2 * i, 2 * i + 2) }),
  })

  // Exact copies join the first document with their key; only first ones are compared further.
  // Sorting by the key's two halves (stably) puts each key's documents together, first first.
  const compared: number[] = []
  const nonEmpty = Uint32Array.from({ length: count }, (_, i) => i).filter(
    (i) => (columns.tokens[i] ?? 0) > 0,
  )
  const half = (offset: number) =>
    Uint32Array.from({ length: count }, (_, i) => columns.exactKeys[2 * i + offset] ?? 0)
  const high = half(0)
  const low = half(1)
  const byKey = sortIndicesByKey(sortIndicesByKey(nonEmpty, low), high)
  let first = -1
  byKey.forEach((i, k) => {
    const previous = byKey[k - 1]
    if (previous !== undefined && high[previous] === high[i] && low[previous] === low[i]) {
      sets.union(first, i)
      matchedWith[i] = first
    } else {
      first = i
    }
  })
  for (let i = 0; i < count; i++)
    if ((columns.tokens[i] ?? 0) > 0 && (matchedWith[i] ?? -1) === -1) compared.push(i)

  // A pair is judged once: a passing pair joins the clusters (and later pairs of the two are
  // skipped as already joined). LSH pairs are judged in the first band whose key they share;
  // SimHash neighbours, which have no bands, by remembering the pairs that failed.
  const failed = createHashCounts()
  const pairKey = (earlier: number, later: number) => later * PAIR_KEY_SHIFT + earlier
  const judge: PairJudge = {
    needed(earlier, later) {
      const via = matchedWith[later] ?? -1
      // Already joined through an earlier match: this pair can change nothing.
      return !(via !== -1 && via <= earlier && sets.find(earlier) === sets.find(later))
    },
    decide(earlier, later, a, b) {
      if (!pairJoins(a, b, options)) return false
      sets.union(earlier, later)
      const via = matchedWith[later] ?? -1
      if (via === -1 || earlier < via) matchedWith[later] = earlier
      return true
    },
  }

  if (options.method === 'simhash') {
    const index = createSimhashIndex({ maxDistance: options.maxDistance })
    for (const i of compared) {
      const fingerprint = columns.fingerprints?.subarray(2 * i, 2 * i + 2) ?? new Uint32Array(2)
      for (const other of index.add(i, fingerprint)) {
        if (!judge.needed(other, i) || failed.has(pairKey(other, i))) continue
        if (!judge.decide(other, i, sides(other), sides(i))) failed.add(pairKey(other, i))
      }
    }
  } else {
    const candidates = Uint32Array.from(compared)
    for (let band = 0; band < options.bands; band++) {
      const keys = columns.bands.readBand(band)
      const sorted = sortIndicesByKey(candidates, keys)
      for (let start = 0; start < sorted.length;) {
        let end = start + 1
        const key = keys[sorted[start] ?? 0]
        while (end < sorted.length && keys[sorted[end] ?? 0] === key) end++
        if (end - start > 1) {
          const members = sorted.subarray(start, end)
          compareBucket(members, sides, judge, sharedEarlier(columns.bands, members, band))
        }
        start = end
      }
    }
  }
  // Per document: the spill's offset and length (12), union-find and first match (8), one band's
  // keys and the two sort buffers (12); and the failed pairs of a SimHash run.
  const indexBytes =
    columns.exactKeys.byteLength + columns.tokens.byteLength + 32 * count + failed.bytes
  return { ...placesOf(columns, sets.components(), matchedWith, sides, options), indexBytes }
}

/** Decides the candidate pairs of a run. */
interface PairJudge {
  /** False when the pair can no longer change anything. */
  needed(earlier: number, later: number): boolean
  /** Judge the pair, joining it when it passes; whether it passed. */
  decide(earlier: number, later: number, a: PairSides, b: PairSides): boolean
}

// The exact key as the pair rules compare it, or undefined for an empty document.
function exactKeyOf(columns: SignedColumns, i: number): string | undefined {
  if ((columns.tokens[i] ?? 0) === 0) return undefined
  const hex = (value: number) => value.toString(16).padStart(8, '0')
  return hex(columns.exactKeys[2 * i] ?? 0) + hex(columns.exactKeys[2 * i + 1] ?? 0)
}

// Whether two members of a band's bucket (by position) share a key in an earlier band: there they
// were judged already. A member's earlier keys are read once, as a row, when a pair first asks.
function sharedEarlier(
  bands: BandSpill,
  members: Uint32Array,
  band: number,
): (i: number, j: number) => boolean {
  if (band === 0) return () => false
  const rows = new Uint32Array(members.length * band)
  const read = new Uint8Array(members.length)
  const rowOf = (k: number) => {
    if (read[k] === 0) {
      bands.readRow(members[k] ?? 0, band, rows, k * band)
      read[k] = 1
    }
    return k * band
  }
  return (i, j) => {
    const a = rowOf(i)
    const b = rowOf(j)
    for (let k = 0; k < band; k++) if (rows[a + k] === rows[b + k]) return true
    return false
  }
}

// Every pair of a bucket, earlier document first, except those judged in an earlier band. A set
// is read only when a pair needs it, and at most once per bucket; so is a row of earlier keys,
// asked only of pairs that could still change something.
function compareBucket(
  members: Uint32Array,
  sides: (i: number) => PairSides,
  judge: PairJudge,
  judgedBefore: (i: number, j: number) => boolean,
): void {
  const loaded: (PairSides | undefined)[] = new Array(members.length)
  for (let j = 1; j < members.length; j++) {
    const later = members[j] ?? 0
    for (let i = 0; i < j; i++) {
      const earlier = members[i] ?? 0
      if (!judge.needed(earlier, later) || judgedBefore(i, j)) continue
      const a = (loaded[i] ??= sides(earlier))
      const b = (loaded[j] ??= sides(later))
      judge.decide(earlier, later, a, b)
    }
  }
}

function placesOf(
  columns: SignedColumns,
  roots: Int32Array,
  matchedWith: Int32Array,
  sides: (i: number) => PairSides,
  options: ClusterOptions,
): Omit<ClusterColumns, 'indexBytes'> {
  const { count } = columns
  const places: Omit<ClusterColumns, 'indexBytes'> = {
    canonical: new Int32Array(count),
    matchedWith,
    reason: new Array<JoinReason | null>(count).fill(null),
    similarity: new Float64Array(count).fill(1),
    jaccard: new Float64Array(count).fill(1),
    containment: new Float64Array(count).fill(1),
  }
  const members = new Map<number, number[]>()
  for (let i = 0; i < count; i++) {
    const root = roots[i] ?? i
    if (root === i) {
      places.canonical[i] = i
      continue
    }
    const list = members.get(root)
    if (list === undefined) members.set(root, [root, i])
    else list.push(i)
  }
  for (const list of members.values()) {
    const canonical = chooseCanonical(list, (i) => columns.tokens[i] ?? 0)
    const head = sides(canonical)
    for (const i of list) {
      places.canonical[i] = canonical
      if (i === canonical) continue
      const measured = similarityTo(sides(i), head, options)
      places.reason[i] = measured.reason
      places.similarity[i] = measured.similarity
      places.jaccard[i] = measured.jaccard
      places.containment[i] = measured.containment
    }
  }
  return places
}
