// Deduplicate a corpus given as one stream of records, with the records in memory: the library's entry point.
import type { DedupRecord, InputRecord, Reject, RunStats } from '../types.js'
import type { DedupOptions } from './dedup-options.js'
import { runDedupPasses, type RunResources } from './dedup-passes.js'
import type { Progress } from './progress.js'

export { DEFAULT_DEDUP_OPTIONS, type DedupOptions } from './dedup-options.js'

/** Result of a run: one record per document in input order, the rejects, and the counts. */
export interface DedupRun {
  records: DedupRecord[]
  rejects: Reject[]
  stats: RunStats
}

/** Hooks a caller may pass to observe or stop a run. */
export interface DedupHooks {
  /** Called for every reject as it is read (the CLI uses it for `--strict`; it may throw). */
  onReject?: (reject: Reject) => void
  /** Called as each stage moves on, at most every 1,000 documents (the CLI draws progress). */
  onProgress?: (progress: Progress) => void
  signal?: AbortSignal
}

/**
 * Deduplicate a corpus: read every record, extract the article from HTML pages, clean each page against what the site's other pages
 * share, sign the cleaned text, cluster exact and near copies and pick one canonical copy each.
 * The records are returned in memory; for corpora larger than memory, {@link runDedupPasses}
 * hands each record to a sink as it is written.
 *
 * @example
 * const run = await dedupCorpus(readInputs(['pages/'], DEFAULT_READ_OPTIONS))
 * run.records[0] // { id, cluster, canonical, duplicate_of, similarity, reason, text }
 */
export async function dedupCorpus(
  input: AsyncIterable<InputRecord>,
  options: Partial<DedupOptions & RunResources> = {},
  hooks: DedupHooks = {},
): Promise<DedupRun> {
  const records: DedupRecord[] = []
  const summary = await runDedupPasses(input, options, hooks, (record) => {
    records.push(record)
  })
  return { records, ...summary }
}
