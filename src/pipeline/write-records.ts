// Join each document's cleaned page with its place in a cluster: the output records, in input order.
import type {
  DedupRecord,
  DocumentFlag,
  IndexStatus,
  JoinReason,
  RemovedLineRecord,
  RunStats,
} from '../types.js'
import type { ClusterColumns } from './cluster-spilled.js'
import type { DedupOptions } from './dedup-options.js'
import { PROGRESS_EVERY, type Progress } from './progress.js'

/** Where records go: a file writer, or an array in memory. May return a promise (backpressure). */
export type RecordSink = (record: DedupRecord) => void | Promise<void>

/** The saved page of one document, as the final pass writes it: url, flags, text, removed lines. */
export type SavedPage = [string | null, DocumentFlag[] | null, string, RemovedLineRecord[]]

/** A document's place in its cluster, as a record reports it. */
export interface Placement {
  cluster: string
  canonical: boolean
  similarity: number
  reason: JoinReason | null
  /** For `--explain`; absent when the run cannot tell (an index keeps no pair measurements). */
  matchedWith?: string | null
  jaccard?: number
  containment?: number
  /** Against an index: whether the document was new, a copy, or already there. */
  status?: IndexStatus
}

/** The place of document `i` (input order) with id `id`. */
export type PlaceOf = (i: number, id: string) => Placement | Promise<Placement>

/**
 * Build and emit one record per document from the saved pages (one JSON line each, in input
 * order) and the documents' places; returns the counts for the run's stats.
 *
 * @example
 * const counts = await writeRecords(spill.lines(), ids, placesIn(clusters, ids), settings, (record) => out.push(record))
 */
export async function writeRecords(
  pages: AsyncIterable<string>,
  ids: readonly string[],
  placeOf: PlaceOf,
  settings: Pick<DedupOptions, 'explain' | 'removed' | 'threshold' | 'containment'>,
  sink: RecordSink,
  hooks: { onProgress?: (progress: Progress) => void },
): Promise<
  Omit<RunStats, 'rejected' | 'seconds' | 'index_bytes_per_document' | 'temp_bytes_per_document'>
> {
  const counts = {
    documents: 0,
    clusters: 0,
    duplicates: 0,
    exact_duplicates: 0,
    near_duplicates: 0,
    empty: 0,
    invalid_utf8: 0,
  }
  let i = 0
  for await (const line of pages) {
    const [url, flags, text, removed] = JSON.parse(line) as SavedPage
    const id = ids[i] ?? ''
    const place = await placeOf(i, id)
    const record: DedupRecord = {
      id,
      ...(url === null ? {} : { url }),
      ...(place.status === undefined ? {} : { status: place.status }),
      cluster: place.cluster,
      canonical: place.canonical,
      duplicate_of: place.canonical ? null : place.cluster,
      similarity: round(place.similarity),
      reason: place.reason,
      text,
    }
    if (flags !== null && flags.length > 0) record.flags = flags
    if (settings.explain) {
      record.explain = {
        matched_with: place.matchedWith ?? null,
        jaccard: round(place.jaccard ?? place.similarity),
        containment: round(place.containment ?? place.similarity),
        threshold: settings.threshold,
        containment_threshold: settings.containment,
      }
    }
    if (settings.removed) record.removed = removed
    counts.documents++
    if (place.canonical) counts.clusters++
    else {
      counts.duplicates++
      if (place.reason === 'exact') counts.exact_duplicates++
      else counts.near_duplicates++
    }
    if (flags?.includes('empty')) counts.empty++
    if (flags?.includes('invalid_utf8')) counts.invalid_utf8++
    await sink(record)
    i++
    if (i % PROGRESS_EVERY === 0)
      hooks.onProgress?.({ stage: 'writing', done: i, total: ids.length })
  }
  return counts
}

/**
 * Places from a run's own clustering.
 *
 * @example
 * placesIn(clusters, ids)(3, ids[3]).cluster // the id of document 3's canonical copy
 */
export function placesIn(clusters: ClusterColumns, ids: readonly string[]): PlaceOf {
  return (i) => {
    const canonical = clusters.canonical[i] ?? i
    const via = clusters.matchedWith[i] ?? -1
    return {
      cluster: ids[canonical] ?? '',
      canonical: canonical === i,
      similarity: clusters.similarity[i] ?? 1,
      reason: clusters.reason[i] ?? null,
      matchedWith: via < 0 ? null : (ids[via] ?? null),
      jaccard: clusters.jaccard[i] ?? 1,
      containment: clusters.containment[i] ?? 1,
    }
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
