// What a run reports on standard error: the one-line summary and each reject.
import type { Reject, RunStats } from '../types.js'

/**
 * A reject as `file:line: reason` (or `file: reason`), the form editors and terminals link to.
 *
 * @example
 * formatReject({ kind: 'reject', source: 'in.jsonl', line: 2, code: 'malformed_json', reason: 'malformed JSON' })
 * // 'in.jsonl:2: malformed JSON'
 */
export function formatReject(reject: Reject): string {
  return `${reject.source}${reject.line === undefined ? '' : `:${reject.line}`}: ${reject.reason}`
}

/**
 * The one-line summary printed on standard error. Its shape is part of the command's contract
 * (scripts grep it), so counts that are not in it, such as invalid UTF-8, go to `--stats` only.
 *
 * @example
 * summaryLine(stats)
 * // 'winnow: 10 documents, 7 clusters, 3 duplicates (1 exact, 2 near), 0 rejected, 0 empty, 0.1 s'
 */
export function summaryLine(stats: RunStats): string {
  // Skipped inputs (WARC records without a page) are named only when there are any, so the
  // line is unchanged for text input.
  const skipped = Object.values(stats.skipped ?? {}).reduce((sum, count) => sum + count, 0)
  return (
    `winnow: ${stats.documents} documents, ${stats.clusters} clusters, ` +
    `${stats.duplicates} duplicates (${stats.exact_duplicates} exact, ${stats.near_duplicates} near), ` +
    `${stats.rejected} rejected, ${stats.empty} empty, ` +
    `${skipped > 0 ? `${skipped} skipped, ` : ''}${stats.seconds.toFixed(1)} s` +
    indexPart(stats)
  )
}

// Against an index: what the run added, and what the index holds now.
function indexPart(stats: RunStats): string {
  const index = stats.index
  if (index === undefined) return ''
  return (
    `; index: ${index.new} new, ${index.duplicate} duplicates, ${index.already_seen} already seen, ` +
    `now ${index.documents} documents in ${index.clusters} clusters`
  )
}
