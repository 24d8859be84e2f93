// The overview numbers of a run: counts, rejects by reason, per-site rates and the chart buckets.
import { siteFromUrl } from '../io/site-from-url.js'
import type { DedupRecord, JoinReason, Reject } from '../types.js'
import { similarityBuckets, sizeBuckets, type Bucket } from './buckets.js'
import { removedShare } from './removed-share.js'

/** The spread of one site's removed shares: quartiles and mean, each 0..1. */
export interface Spread {
  low: number
  median: number
  high: number
  mean: number
}

/** One site's line in the overview. */
export interface SiteSummary {
  site: string
  documents: number
  duplicates: number
  duplicateRate: number
  /** How much of each page cleaning removed; null when the run has no `removed` lines. */
  removedShare: Spread | null
}

/** Everything the overview shows. */
export interface RunSummary {
  documents: number
  clusters: number
  /** Clusters of two or more documents, and the size of the largest. */
  sharedClusters: number
  largestCluster: number
  duplicates: number
  byReason: Record<JoinReason, number>
  /** Rejects by code, most frequent first; null when no rejects file was given. */
  rejects: { code: string; count: number }[] | null
  sites: SiteSummary[]
  clusterSizes: Bucket[]
  /** Similarity of each duplicate to its canonical copy. */
  similarities: Bucket[]
  /** Whether every record carries `removed` (dedup --removed) and `explain` (dedup --explain). */
  hasRemoved: boolean
  hasExplain: boolean
}

/** The site name used for records without a URL. */
export const NO_SITE = '(no URL)'

/**
 * Summarise a run from its output records and, when known, its rejects.
 *
 * @example
 * summarizeRun(records, rejects).byReason // { exact: 1, near: 0, contained: 0 }
 */
export function summarizeRun(
  records: readonly DedupRecord[],
  rejects?: readonly Reject[],
): RunSummary {
  const clusterSize = new Map<string, number>()
  const byReason: Record<JoinReason, number> = { exact: 0, near: 0, contained: 0 }
  const sites = new Map<string, { documents: number; duplicates: number; shares: number[] }>()
  const similarities: number[] = []
  for (const record of records) {
    clusterSize.set(record.cluster, (clusterSize.get(record.cluster) ?? 0) + 1)
    const site = siteOf(record)
    let entry = sites.get(site)
    if (entry === undefined) sites.set(site, (entry = { documents: 0, duplicates: 0, shares: [] }))
    entry.documents++
    if (!record.canonical) {
      entry.duplicates++
      similarities.push(record.similarity)
      if (record.reason !== null) byReason[record.reason]++
    }
    const share = removedShare(record)
    if (share !== null) entry.shares.push(share)
  }
  const hasRemoved = records.length > 0 && records.every((record) => record.removed !== undefined)
  const sizes = [...clusterSize.values()]
  return {
    documents: records.length,
    clusters: clusterSize.size,
    sharedClusters: sizes.filter((size) => size > 1).length,
    largestCluster: sizes.reduce((max, size) => Math.max(max, size), 0),
    duplicates: similarities.length,
    byReason,
    rejects: rejects === undefined ? null : countCodes(rejects),
    sites: [...sites]
      .map(([site, entry]) => ({
        site,
        documents: entry.documents,
        duplicates: entry.duplicates,
        duplicateRate: entry.duplicates / entry.documents,
        removedShare: hasRemoved ? spread(entry.shares) : null,
      }))
      .sort((a, b) => b.documents - a.documents || (a.site < b.site ? -1 : 1)),
    clusterSizes: sizeBuckets(sizes),
    similarities: similarityBuckets(similarities),
    hasRemoved,
    hasExplain: records.length > 0 && records.every((record) => record.explain !== undefined),
  }
}

/**
 * The site a record belongs to: its URL's host, or {@link NO_SITE}.
 *
 * @example
 * siteOf({ url: 'https://www.example.com/a' } as DedupRecord) // 'example.com'
 */
export function siteOf(record: Pick<DedupRecord, 'url'>): string {
  return (record.url === undefined ? undefined : siteFromUrl(record.url)) ?? NO_SITE
}

function countCodes(rejects: readonly Reject[]): { code: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const reject of rejects) counts.set(reject.code, (counts.get(reject.code) ?? 0) + 1)
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
}

// Quartiles by the nearest-rank method: exact values from the data, no interpolation to explain.
function spread(values: number[]): Spread {
  if (values.length === 0) return { low: 0, median: 0, high: 0, mean: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length
  return { low: rank(0.25) ?? 0, median: rank(0.5) ?? 0, high: rank(0.75) ?? 0, mean }
}
