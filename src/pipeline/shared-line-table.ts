// Which prose lines pages of two or more articles carry, found by sorting (hash, article) pairs.
import { sortIndicesByKey } from '../dedup/radix-sort.js'

/**
 * The distinct line hashes that occur with at least two different articles. Sorting the pairs
 * by the hash's low 32 bits (then comparing whole hashes within a run) costs 16 bytes a pair for
 * a moment, where a table from every line to its articles would be kept for the whole pass.
 *
 * @example
 * linesSharedAcrossArticles(Float64Array.of(7, 7, 9, 9), Int32Array.of(1, 2, 3, 3)) // [7]
 */
export function linesSharedAcrossArticles(
  hashes: Float64Array,
  articles: Int32Array,
): Float64Array {
  const low = new Uint32Array(hashes.length)
  for (let i = 0; i < hashes.length; i++) low[i] = (hashes[i] ?? 0) >>> 0
  const order = sortIndicesByKey(
    Uint32Array.from({ length: hashes.length }, (_, i) => i),
    low,
  )
  const shared: number[] = []
  for (let start = 0; start < order.length;) {
    let end = start + 1
    const key = low[order[start] ?? 0]
    while (end < order.length && low[order[end] ?? 0] === key) end++
    if (end - start > 1) collectShared(order.subarray(start, end), hashes, articles, shared)
    start = end
  }
  return Float64Array.from(shared)
}

// Within one run of equal low bits (nearly always one hash): each hash whose pairs name two articles.
function collectShared(
  run: Uint32Array,
  hashes: Float64Array,
  articles: Int32Array,
  shared: number[],
): void {
  const firstArticle = new Map<number, number>()
  const found = new Set<number>()
  for (const i of run) {
    const hash = hashes[i] ?? 0
    const article = articles[i] ?? 0
    const first = firstArticle.get(hash)
    if (first === undefined) firstArticle.set(hash, article)
    else if (first !== article && !found.has(hash)) {
      found.add(hash)
      shared.push(hash)
    }
  }
}
