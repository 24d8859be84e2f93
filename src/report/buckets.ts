// Group values into the labelled buckets the overview charts draw.

/** One bar of a chart: a label and how many values fell in it. */
export interface Bucket {
  label: string
  count: number
}

// Cluster sizes span orders of magnitude; these edges keep small clusters apart and pool the tail.
const SIZE_EDGES = [1, 2, 3, 4, 6, 11, 21, 51, 101] as const

/**
 * Count clusters by size: 1, 2, 3, 4–5, 6–10, 11–20, 21–50, 51–100, 101+.
 *
 * @example
 * sizeBuckets([1, 1, 2, 7]).slice(0, 4)
 * // [{ label: '1', count: 2 }, { label: '2', count: 1 }, { label: '3', count: 0 }, { label: '4–5', count: 0 }]
 */
export function sizeBuckets(sizes: Iterable<number>): Bucket[] {
  const buckets = SIZE_EDGES.map((low, index) => {
    const next = SIZE_EDGES[index + 1]
    const label =
      next === undefined ? `${low}+` : next - 1 === low ? `${low}` : `${low}–${next - 1}`
    return { label, count: 0 }
  })
  for (const size of sizes) {
    let index = SIZE_EDGES.length - 1
    while (index > 0 && size < (SIZE_EDGES[index] ?? 0)) index--
    const bucket = buckets[index]
    if (bucket !== undefined) bucket.count++
  }
  return buckets
}

/**
 * Count similarities (0..1) in `bins` equal bins labelled by their lower edge; 1 goes in the last.
 * Leading empty bins below 0.5 are dropped, since duplicates rarely sit far below the threshold.
 *
 * @example
 * similarityBuckets([0.95, 1, 0.32], 10).map((b) => b.label) // ['0.3', '0.4', … '0.9']
 */
export function similarityBuckets(values: Iterable<number>, bins = 20): Bucket[] {
  const counts = new Array<number>(bins).fill(0)
  for (const value of values) {
    const index = Math.min(bins - 1, Math.max(0, Math.floor(value * bins)))
    counts[index] = (counts[index] ?? 0) + 1
  }
  const first = counts.findIndex((count) => count > 0)
  const digits = bins > 10 ? 2 : 1
  return counts
    .map((count, index) => ({ label: (index / bins).toFixed(digits), count }))
    .slice(Math.min(first === -1 ? bins : first, Math.floor(bins / 2)))
}
