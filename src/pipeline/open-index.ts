// Open a run's persistent index with the pair rules of the run's options.
import type { IndexOptions, IndexStore, MatchRules } from '../store/index-store.js'
import { openSqliteStore } from '../store/sqlite-store.js'
import type { DedupOptions } from './dedup-options.js'
import { pairJoins, similarityTo, type ClusterOptions } from './pair-rules.js'

/** How to open an index. */
export interface OpenIndexOptions {
  path: string
  /** Create the index if missing; an existing one must have been built with these options. */
  create?: DedupOptions
  readonly?: boolean
}

/**
 * Open the SQLite index at `path`. Its matching rules are always the ones it was built with.
 *
 * @example
 * const index = await openIndex({ path: 'corpus.db', create: DEFAULT_DEDUP_OPTIONS })
 */
export async function openIndex(options: OpenIndexOptions): Promise<IndexStore> {
  return openSqliteStore({
    path: options.path,
    rules: matchRules,
    ...(options.create === undefined ? {} : { create: indexOptionsOf(options.create) }),
    ...(options.readonly === true ? { readonly: true } : {}),
  })
}

/**
 * The part of a run's options that an index fixes.
 *
 * @example
 * indexOptionsOf(DEFAULT_DEDUP_OPTIONS).bands // 64
 */
export function indexOptionsOf(options: DedupOptions): IndexOptions {
  return {
    shingleSize: options.shingleSize,
    permutations: options.permutations,
    bands: options.bands,
    threshold: options.threshold,
    containment: options.containment,
    clean: options.clean,
  }
}

/**
 * The pair rules of a run, as a store applies them.
 *
 * @example
 * matchRules(indexOptionsOf(DEFAULT_DEDUP_OPTIONS)).joins(a, b)
 */
export function matchRules(options: IndexOptions): MatchRules {
  const cluster: ClusterOptions = { ...options, method: 'minhash', maxDistance: 0 }
  return {
    joins: (earlier, later) => pairJoins(earlier, later, cluster),
    measure(doc, canonical) {
      const { similarity, reason } = similarityTo(doc, canonical, cluster)
      return { similarity, reason }
    },
  }
}
