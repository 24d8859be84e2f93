// An index's documents as dedup records, for reports of what an index holds.
import type { IndexStore, StoredDocument } from '../store/index-store.js'
import type { DedupRecord } from '../types.js'

/**
 * A stored document as a dedup record. Its text is the cleaned text the index keeps
 * (`--store-text`), or empty.
 *
 * @example
 * recordOfStored(await store.getDocument('a')).cluster
 */
export function recordOfStored(doc: StoredDocument): DedupRecord {
  return {
    id: doc.id,
    ...(doc.url === undefined ? {} : { url: doc.url }),
    status: 'already_seen',
    cluster: doc.cluster,
    canonical: doc.canonical,
    duplicate_of: doc.duplicate_of,
    similarity: doc.similarity,
    reason: doc.reason,
    text: doc.text ?? '',
  }
}

/**
 * Every document of an index, as records, in the order they were added.
 *
 * @example
 * for await (const record of indexRecords(store)) records.push(record)
 */
export async function* indexRecords(store: IndexStore): AsyncGenerator<DedupRecord> {
  for await (const doc of store.documents()) yield recordOfStored(doc)
}

/**
 * The canonical copies that a run's records name as their clusters but do not hold (they came
 * from earlier runs), read from the index; a report then shows each copy beside its canonical one.
 *
 * @example
 * records.push(...(await missingCanonicals(records, store)))
 */
export async function missingCanonicals(
  records: readonly DedupRecord[],
  store: IndexStore,
): Promise<DedupRecord[]> {
  const present = new Set(records.map((record) => record.id))
  const wanted = new Set(records.map((record) => record.cluster).filter((id) => !present.has(id)))
  const found: DedupRecord[] = []
  for (const id of wanted) {
    const doc = await store.getDocument(id)
    if (doc !== undefined) found.push(recordOfStored(doc))
  }
  return found
}
