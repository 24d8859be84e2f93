// What every store checks when it opens an index, and small helpers both backends share.
import { StoreError } from '../errors.js'
import type { IndexOptions, IndexVerdict } from './index-store.js'
import { INDEX_FORMAT, SCHEMA_VERSION } from './sqlite-schema.js'

/** What an index records about itself when it is created. */
export interface StoredMeta {
  format: string | undefined
  schemaVersion: string | undefined
  options: string | undefined
}

/**
 * The options an index was built with, once it is known to be a winnow index this version can
 * read, built with the options a run asks for (`create`), if any. `where` names the index.
 *
 * @example
 * const options = checkStoredMeta('corpus.db', meta, DEFAULT_INDEX_OPTIONS)
 */
export function checkStoredMeta(
  where: string,
  meta: StoredMeta,
  create: IndexOptions | undefined,
  notIndex = 'not a winnow index',
): IndexOptions {
  if (meta.format !== INDEX_FORMAT) throw new StoreError(`${where}: ${notIndex}`)
  const version = Number(meta.schemaVersion)
  if (version > SCHEMA_VERSION) {
    throw new StoreError(
      `${where}: index schema version ${version} was written by a newer winnow (this one reads up to ${SCHEMA_VERSION}); upgrade winnow`,
    )
  }
  const stored = JSON.parse(meta.options ?? '{}') as IndexOptions
  if (create !== undefined) {
    const differences = (Object.keys(create) as (keyof IndexOptions)[])
      .filter((key) => create[key] !== stored[key])
      .map((key) => `${key} ${String(stored[key])} (this run: ${String(create[key])})`)
    if (differences.length > 0) {
      throw new StoreError(
        `${where}: the index was built with other options: ${differences.join(', ')}; use the same options or another index`,
      )
    }
  }
  return stored
}

/**
 * A backend's error as a StoreError that names the index.
 *
 * @example
 * throw storeError('corpus.db', error) // "corpus.db: database is locked"
 */
export function storeError(where: string, error: unknown): StoreError {
  if (error instanceof StoreError) return error
  const reason = error instanceof Error ? error.message : String(error)
  return new StoreError(`${where}: ${reason}`, { cause: error })
}

/**
 * How many times each key occurs: a batch's statistics are summed per key before they are
 * written, since template keys repeat on most of a site's pages.
 *
 * @example
 * tally(Float64Array.from([3, 3, 5])) // Map { 3 => 2, 5 => 1 }
 */
export function tally(keys: Float64Array): Map<number, number> {
  const counts = new Map<number, number>()
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  return counts
}

/**
 * A similarity as verdicts report it: three decimals.
 *
 * @example
 * roundSimilarity(0.87654) // 0.877
 */
export function roundSimilarity(value: number): number {
  return Math.round(value * 1000) / 1000
}

/**
 * A document's verdict: the canonical copy of its own cluster when `canonicalId` is undefined
 * or its own id, otherwise a member measured against the canonical copy (measured only then).
 *
 * @example
 * verdictOf('b', 'duplicate', 'a', () => ({ similarity: 0.91234, reason: 'near' })).similarity // 0.912
 */
export function verdictOf(
  id: string,
  status: IndexVerdict['status'],
  canonicalId: string | undefined,
  measure: () => { similarity: number; reason: NonNullable<IndexVerdict['reason']> },
): IndexVerdict {
  if (canonicalId === undefined || canonicalId === id) {
    return {
      id,
      status,
      cluster: id,
      canonical: true,
      duplicate_of: null,
      similarity: 1,
      reason: null,
    }
  }
  const measured = measure()
  return {
    id,
    status,
    cluster: canonicalId,
    canonical: false,
    duplicate_of: canonicalId,
    similarity: roundSimilarity(measured.similarity),
    reason: measured.reason,
  }
}
