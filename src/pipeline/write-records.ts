// Join each document's cleaned page with its place in a cluster: the output records, in input order.
import type { DedupRecord, DocumentFlag, RemovedLineRecord, RunStats } from '../types.js'
import type { ClusterColumns } from './cluster-spilled.js'
import type { DedupOptions } from './dedup-options.js'
import { PROGRESS_EVERY, type Progress } from './progress.js'

/** Where records go: a file writer, or an array in memory. May return a promise (backpressure). */
export type RecordSink = (record: DedupRecord) => void | Promise<void>

/** The saved page of one document, as the final pass writes it: url, flags, text, removed lines. */
export type SavedPage = [string | null, DocumentFlag[] | null, string, RemovedLineRecord[]]

/**
 * Build and emit one record per document from the saved pages (one JSON line each, in input
 * order) and the clusters; returns the counts for the run's stats.
 *
 * @example
 * const counts = await writeRecords(spill.lines(), ids, clusters, settings, (record) => out.push(record))
 */
export async function writeRecords(
  pages: AsyncIterable<string>,
  ids: readonly string[],
  clusters: ClusterColumns,
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
    const canonical = clusters.canonical[i] ?? i
    const canonicalId = ids[canonical] ?? ''
    const reason = clusters.reason[i] ?? null
    const record: DedupRecord = {
      id: ids[i] ?? '',
      ...(url === null ? {} : { url }),
      cluster: canonicalId,
      canonical: canonical === i,
      duplicate_of: canonical === i ? null : canonicalId,
      similarity: round(clusters.similarity[i] ?? 1),
      reason,
      text,
    }
    if (flags !== null && flags.length > 0) record.flags = flags
    if (settings.explain) {
      const via = clusters.matchedWith[i] ?? -1
      record.explain = {
        matched_with: via < 0 ? null : (ids[via] ?? null),
        jaccard: round(clusters.jaccard[i] ?? 1),
        containment: round(clusters.containment[i] ?? 1),
        threshold: settings.threshold,
        containment_threshold: settings.containment,
      }
    }
    if (settings.removed) record.removed = removed
    counts.documents++
    if (canonical === i) counts.clusters++
    else {
      counts.duplicates++
      if (reason === 'exact') counts.exact_duplicates++
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
