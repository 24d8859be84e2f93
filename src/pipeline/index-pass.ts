// The final pass against a persistent index: each batch of signed pages is one atomic addition.
import type { PageFacts } from '../clean/corpus-stats.js'
import { createLineSpill, type LineSpill } from '../io/line-spill.js'
import type { IndexEntry, IndexStore, ModelDelta, StoredModel } from '../store/index-store.js'
import type { IndexStatus } from '../types.js'
import type { PageExecutor } from '../workers/page-pool.js'
import { createOrderedBatches } from './ordered-batches.js'
import { pageOf, type SpooledDocument } from './scan-input.js'
import type { PlaceOf } from './write-records.js'

/** What the index pass works with. */
export interface IndexPassContext {
  documents: () => AsyncIterable<SpooledDocument>
  /** Per document, 1 when its page adds to the index's statistics. */
  counted: Uint8Array
  executor: PageExecutor
  dir: string
  index: IndexStore
  storeText: boolean
  onDone: (done: number) => void
}

const STATUSES: readonly IndexStatus[] = ['new', 'duplicate', 'already_seen']

/**
 * Clean and sign the documents in input order and add each batch to the index in one
 * transaction, with the statistics its new pages add: a run killed at any moment leaves whole
 * batches, and rerunning the input adds the rest as if nothing had happened (the documents
 * already added are reported as already seen and counted once).
 *
 * @example
 * const { output, statuses } = await indexPass(context)
 */
export async function indexPass(
  context: IndexPassContext,
): Promise<{ output: LineSpill; statuses: Uint8Array }> {
  const { documents, counted, executor, dir, index, storeText, onDone } = context
  const output = createLineSpill(dir, 'records')
  const statuses = new Uint8Array(counted.length)
  let done = 0
  const batches = createOrderedBatches<SpooledDocument>(executor, 'final', async (docs, result) => {
    if (result.stage !== 'final') return
    const first = done
    const entries: IndexEntry[] = []
    const facts: PageFacts[] = []
    result.pages.forEach((page, i) => {
      const doc = docs[i]
      if (doc === undefined) return
      const { signature } = page
      entries.push({
        id: doc.id,
        ...(doc.url === undefined ? {} : { url: doc.url }),
        ...(doc.fetchedAt === undefined ? {} : { fetchedAt: doc.fetchedAt }),
        ...(doc.site === '' ? {} : { site: doc.site }),
        exact: signature.exact,
        tokens: signature.tokens,
        bands: signature.bands,
        set: signature.set,
        cleanedLength: page.text.length,
        ...(storeText ? { text: page.text } : {}),
      })
      if (counted[first + i] === 1 && page.facts !== undefined) facts.push(page.facts)
      output.append(JSON.stringify([doc.url ?? null, doc.flags ?? null, page.text, page.removed]))
    })
    const verdicts = await index.add(entries, facts.length === 0 ? undefined : modelDeltaOf(facts))
    verdicts.forEach((verdict, i) => {
      statuses[first + i] = STATUSES.indexOf(verdict.status)
      onDone(++done)
    })
  })
  try {
    for await (const doc of documents()) await batches.add(doc, pageOf(doc))
    await batches.finish()
    return { output, statuses }
  } finally {
    output.finish()
  }
}

/**
 * Places from the index once the run has added everything: a cluster's canonical copy may have
 * changed since a document was added, so each is looked up again.
 *
 * @example
 * await writeRecords(output.lines(), ids, placesInIndex(index, statuses), settings, sink, hooks)
 */
export function placesInIndex(index: IndexStore, statuses: Uint8Array): PlaceOf {
  return async (i, id) => {
    const stored = await index.getDocument(id)
    if (stored === undefined) throw new Error(`document "${id}" is missing from the index`)
    return {
      cluster: stored.cluster,
      canonical: stored.canonical,
      similarity: stored.similarity,
      reason: stored.reason,
      matchedWith: stored.matched_with,
      status: STATUSES[statuses[i] ?? 0] ?? 'new',
    }
  }
}

/**
 * The statistics tables of an index's model, as cleaning counts them.
 *
 * @example
 * createCorpusStats({}, statsTablesOf(await index.model()))
 */
export function statsTablesOf(model: StoredModel) {
  return {
    pages: model.pages,
    groupPages: model.sitePages,
    templates: model.templates,
    words: model.words,
  }
}

/**
 * What a set of pages adds to an index's statistics, in one piece for one transaction.
 *
 * @example
 * modelDeltaOf([pageFacts('example.com', measurePage(text))]).pages // 1
 */
export function modelDeltaOf(facts: readonly PageFacts[]): ModelDelta {
  const sitePages = new Map<string, number>()
  let templates = 0
  let words = 0
  for (const page of facts) {
    sitePages.set(page.group, (sitePages.get(page.group) ?? 0) + 1)
    templates += page.templateKeys.length
    words += page.words.length
  }
  const templateKeys = new Float64Array(templates)
  const wordKeys = new Float64Array(words)
  templates = 0
  words = 0
  for (const page of facts) {
    templateKeys.set(page.templateKeys, templates)
    wordKeys.set(page.words, words)
    templates += page.templateKeys.length
    words += page.words.length
  }
  return { pages: facts.length, sitePages: [...sitePages], templateKeys, words: wordKeys }
}
