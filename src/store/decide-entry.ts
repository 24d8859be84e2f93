// Where a new document goes: the pure decision every store makes inside its atomic step.
import type { IndexEntry } from './index-store.js'

/** A document already in the index that a new one may join. */
export interface Candidate {
  seq: number
  cluster: number
}

/** What adding a document does to the clusters. */
export interface Decision {
  /** Clusters the document joins, ascending; the first survives and takes in the others. */
  joined: number[]
  /** The earliest document whose comparison joined it, or null. */
  matchedWith: number | null
  /** Set when the document is an exact copy of this earlier one. */
  exactOf?: number
  /** The canonical member afterwards; undefined when the new document is (or would be) it. */
  canonical?: number
}

/** What the decision asks of the index. */
export interface DecisionLookups {
  /** Whether the pair rules join this earlier document with the new one. */
  joins(seq: number): boolean
  canonicalOf(cluster: number): number
  tokensOf(seq: number): number
}

/**
 * Decide as a run over the whole corpus would: an exact copy joins the first document with its
 * key; otherwise every candidate (ascending, a document in an already joined cluster skipped) is
 * verified, and the document joins the clusters of all that pass. The canonical copy is the one
 * with the most tokens, the earliest on a tie, so the new document wins only with more tokens.
 *
 * @example
 * decideEntry(entry, { near: [{ seq: 4, cluster: 1 }] }, lookups).joined // [1] when 4 passes
 */
export function decideEntry(
  entry: Pick<IndexEntry, 'tokens'>,
  candidates: { exact?: Candidate; near: readonly Candidate[] },
  lookups: DecisionLookups,
): Decision {
  const decision: Decision = { joined: [], matchedWith: null }
  if (candidates.exact !== undefined) {
    decision.joined.push(candidates.exact.cluster)
    decision.matchedWith = candidates.exact.seq
    decision.exactOf = candidates.exact.seq
  } else {
    for (const candidate of candidates.near) {
      if (decision.joined.includes(candidate.cluster)) continue
      if (!lookups.joins(candidate.seq)) continue
      decision.joined.push(candidate.cluster)
      decision.matchedWith ??= candidate.seq
    }
    decision.joined.sort((a, b) => a - b)
  }
  let best: { seq: number; tokens: number } | undefined
  for (const cluster of decision.joined) {
    const seq = lookups.canonicalOf(cluster)
    const tokens = lookups.tokensOf(seq)
    if (best === undefined || tokens > best.tokens || (tokens === best.tokens && seq < best.seq)) {
      best = { seq, tokens }
    }
  }
  if (best !== undefined && best.tokens >= entry.tokens) decision.canonical = best.seq
  return decision
}
