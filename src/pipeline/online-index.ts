// One document at a time against an index: what a service does with each page it is sent.
import { cleanLines } from '../clean/clean-page.js'
import { createCorpusStats, pageFacts, type PageFacts } from '../clean/corpus-stats.js'
import { measurePage } from '../clean/page-lines.js'
import { InputError } from '../errors.js'
import { extractPage } from '../extract/extract-page.js'
import type { IndexEntry, IndexStore, IndexVerdict } from '../store/index-store.js'
import { keySet, signPage, withLearntLines } from '../workers/page-tasks.js'
import { modelDeltaOf, statsTablesOf } from './index-pass.js'
import { siteOf } from './site-of.js'
import { hashString } from '../text/hash.js'

/** A document as a client sends it: text, or an HTML page to extract the article from. */
export interface OnlineDocument {
  id: string
  text?: string
  html?: string
  url?: string
  fetchedAt?: string
}

/** An index that cleans, signs and decides one document (or one batch) at a time. */
export interface OnlineIndex {
  readonly store: IndexStore
  /** Add documents in order, as one atomic step; one verdict each. */
  add(documents: readonly OnlineDocument[]): Promise<IndexVerdict[]>
  /** Where a document would stand, without adding it. */
  check(document: OnlineDocument): Promise<IndexVerdict>
  /** The cleaned text a document is compared on. */
  clean(document: OnlineDocument): string
  /** Count pages another thread added in this index's statistics, as {@link add} counts its own. */
  learn(facts: readonly PageFacts[]): void
}

/** Options of {@link createOnlineIndex}. */
export interface OnlineIndexOptions {
  /** Told of the pages each addition counted, so that copies of the statistics elsewhere follow. */
  onCounted?: (facts: readonly PageFacts[]) => void
}

/**
 * Serve an index one document at a time. Pages are cleaned with the statistics the index has
 * learnt (its runs' site templates, word counts and learnt lines), and each page added counts
 * in them from then on; within one process, additions run one after another, so two copies of
 * one article sent at the same moment still end in one cluster.
 *
 * @example
 * const online = await createOnlineIndex(await openIndex({ path: 'corpus.db' }))
 * const [verdict] = await online.add([{ id: 'a', text: 'Oil prices rose on Monday.' }])
 */
export async function createOnlineIndex(
  store: IndexStore,
  indexOptions: OnlineIndexOptions = {},
): Promise<OnlineIndex> {
  const { options } = store
  const model = await store.model()
  const stats = createCorpusStats({}, statsTablesOf(model))
  const shared = keySet(model.sharedLines)
  const breaks = keySet(model.sectionBreaks)
  const sign = {
    shingleSize: options.shingleSize,
    permutations: options.permutations,
    bands: options.bands,
  }

  // Raw texts this process has counted: a page sent again (or the same page under another id)
  // counts once, as in a run, or a recaptured article would come to look like its site's
  // template and be cleaned away.
  const countedTexts = new Set<number>()

  // What a page adds to the statistics (its facts, the hash of its raw text) is only worked out
  // when it is being added.
  const prepare = (
    doc: OnlineDocument,
    adding = false,
  ): { entry: IndexEntry; text: string; facts?: PageFacts; textHash: number } => {
    const text = pageText(doc)
    const site = siteOf(doc)
    let cleaned = text
    let facts: PageFacts | undefined
    if (options.clean) {
      const page = measurePage(text)
      cleaned = cleanLines(page, withLearntLines(stats.contextFor(site), shared, breaks)).text
      if (adding) facts = pageFacts(site, page)
    }
    const signature = signPage(cleaned, sign)
    const entry: IndexEntry = {
      id: doc.id,
      ...(doc.url === undefined ? {} : { url: doc.url }),
      ...(doc.fetchedAt === undefined ? {} : { fetchedAt: doc.fetchedAt }),
      ...(site === '' ? {} : { site }),
      exact: signature.exact,
      tokens: signature.tokens,
      bands: signature.bands,
      set: signature.set,
      cleanedLength: cleaned.length,
    }
    return {
      entry,
      text: cleaned,
      ...(facts === undefined ? {} : { facts }),
      textHash: adding ? hashString(text) : 0,
    }
  }

  const learn = (facts: readonly PageFacts[]) => {
    for (const page of facts) stats.addFacts(page)
  }

  return {
    store,
    clean: (doc) => prepare(doc).text,
    learn,
    async check(doc) {
      return store.check(prepare(doc).entry)
    },
    async add(docs) {
      const known = await store.knownIds(docs.map((doc) => doc.id))
      const prepared = docs.map((doc) => prepare(doc, true))
      // A page counts in the statistics once, when its document is first added.
      const batchTexts = new Set<number>()
      const counted: PageFacts[] = []
      for (const page of prepared) {
        if (page.facts === undefined || known.has(page.entry.id)) continue
        if (countedTexts.has(page.textHash) || batchTexts.has(page.textHash)) continue
        batchTexts.add(page.textHash)
        counted.push(page.facts)
      }
      const verdicts = await store.add(
        prepared.map((page) => page.entry),
        counted.length === 0 ? undefined : modelDeltaOf(counted),
      )
      learn(counted)
      for (const hash of batchTexts) countedTexts.add(hash)
      if (counted.length > 0) indexOptions.onCounted?.(counted)
      return verdicts
    },
  }
}

// The text of a document; an HTML page's article, or an InputError saying why there is none.
function pageText(doc: OnlineDocument): string {
  if (doc.html === undefined) return doc.text ?? ''
  const page = extractPage({
    kind: 'document',
    id: doc.id,
    text: '',
    html: doc.html,
    source: doc.id,
    ...(doc.url === undefined ? {} : { url: doc.url }),
  })
  if ('kind' in page) throw new InputError('input', doc.id, undefined, page.reason)
  return page.document.text
}
