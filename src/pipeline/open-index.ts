// Open a run's persistent index with the pair rules of the run's options.
import type { IndexOptions, IndexStore, MatchRules } from '../store/index-store.js'
import { openRedisStore } from '../store/redis-store.js'
import { openSqliteStore } from '../store/sqlite-store.js'
import type { SharedBandFilter } from '../store/band-filter.js'
import type { DedupOptions } from './dedup-options.js'
import { pairJoins, similarityTo, type ClusterOptions } from './pair-rules.js'

/** How to open an index. */
export interface OpenIndexOptions {
  /** A SQLite file, or a `redis://host:port[/db]` URL for the shared index on Redis. */
  path: string
  /** With Redis: which of its indexes (default `winnow`). */
  namespace?: string
  /** Create the index if missing; an existing one must have been built with these options. */
  create?: DedupOptions
  /** Create the index with these options if missing; an existing one keeps its own. */
  createIfMissing?: DedupOptions
  readonly?: boolean
  /**
   * With a SQLite file: skip lookups of band keys no document has, with a filter built when
   * the index opens (`'build'`), or shared by a store that built one (`store.bandFilter`).
   */
  bandFilter?: 'build' | SharedBandFilter
}

/**
 * Open the index at `path`: a SQLite file, or a namespace of a Redis server when `path` is a
 * `redis://` or `rediss://` URL. Its matching rules are always the ones it was built with.
 *
 * @example
 * const index = await openIndex({ path: 'corpus.db', create: DEFAULT_DEDUP_OPTIONS })
 * const shared = await openIndex({ path: 'redis://127.0.0.1:6379', namespace: 'news' })
 */
export async function openIndex(options: OpenIndexOptions): Promise<IndexStore> {
  const creating = options.createIfMissing ?? options.create
  const create = {
    ...(creating === undefined ? {} : { create: indexOptionsOf(creating) }),
    ...(options.createIfMissing === undefined ? {} : { keepOwnOptions: true }),
  }
  if (isRedisUrl(options.path)) {
    return openRedisStore({
      url: options.path,
      ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
      ...create,
    })
  }
  return openSqliteStore({
    path: options.path,
    rules: matchRules,
    ...create,
    ...(options.readonly === true ? { readonly: true } : {}),
    ...(options.bandFilter === undefined ? {} : { bandFilter: options.bandFilter }),
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

/**
 * Whether an index location names a Redis server rather than a file.
 *
 * @example
 * isRedisUrl('redis://127.0.0.1:6379/0') // true
 */
export function isRedisUrl(path: string): boolean {
  return /^rediss?:\/\//i.test(path)
}
