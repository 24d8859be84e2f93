// The one read of a run's input: account for every record, extract HTML, gather site statistics.
import type { CorpusStats } from '../clean/corpus-stats.js'
import type { PageDigest } from '../clean/page-digest.js'
import type { LineSpill } from '../io/line-spill.js'
import type { SetSpill } from '../io/set-spill.js'
import { createHashCounts } from '../text/hash-counts.js'
import { createGrowable } from './growable.js'
import type { InputDocument, InputRecord, Reject } from '../types.js'
import type { PageExecutor } from '../workers/page-pool.js'
import type { FactsResult, PageInput } from '../workers/page-tasks.js'
import { createOrderedBatches } from './ordered-batches.js'
import { PROGRESS_EVERY, type Progress } from './progress.js'
import { siteOf } from './site-of.js'

const NO_DIGEST = new Uint32Array(0)

/** What the read learns. */
export interface InputScan {
  /** Ids of the documents the run keeps, in input order. */
  ids: string[]
  rejects: Reject[]
  /** Template and word statistics, when the run cleans. */
  stats: CorpusStats | undefined
  /** Per kept document, 1 when its page added to the statistics (its text was new). */
  counted: Uint8Array
  /** Characters of text read. */
  chars: number
}

/** How the scan reports to its caller. */
export interface ScanHooks {
  onReject?: (reject: Reject) => void
  onProgress?: (progress: Progress) => void
  signal?: AbortSignal
  /**
   * Ids an index holds already: their pages are not counted again (the index counted them when
   * they were added), though their texts still mark later identical pages as recaptures.
   */
  knownIds?: (ids: string[]) => Promise<Set<string>>
}

/** A kept document as the later passes read it back from the spool. */
export interface SpooledDocument {
  id: string
  text: string
  site: string
  url?: string
  fetchedAt?: string
  flags?: InputDocument['flags']
  /** The page as the scan measured it (kept beside the spool, not in it). */
  digest?: PageDigest
}

/** Where the scan keeps the documents for the later passes: one record of each per document. */
export interface ScanSpools {
  /** The documents, one JSON line each. */
  documents: LineSpill
  /**
   * Their pages' digests, an empty record where the scan made none; absent when nothing reads
   * them back (a run that only counts).
   */
  digests?: SetSpill
}

/**
 * Read the input once. HTML pages are extracted on the executor; then, in input order, every
 * reject is kept and reported, a document whose id was seen before becomes a `duplicate_id`
 * reject, and each kept document is written to `spools` (the later passes read it from there, so
 * the input itself is read once: standard input works, and pages are extracted once). With
 * `clean`, every distinct page text adds its template keys and words to the statistics
 * (byte-identical recaptures are counted once, or an article's own paragraphs would look like
 * site template) into `stats`, which may start from an index's counts; each page measured for
 * them is kept as a digest beside its document, for the cleaning passes to read back.
 *
 * @example
 * const scan = await scanInput(readInputs(paths, options), executor, spools, createCorpusStats(), hooks)
 */
export async function scanInput(
  input: AsyncIterable<InputRecord>,
  executor: PageExecutor,
  spools: ScanSpools,
  stats: CorpusStats | undefined,
  hooks: ScanHooks,
): Promise<InputScan> {
  const scan: InputScan = { ids: [], rejects: [], stats, counted: new Uint8Array(0), chars: 0 }
  const counted = createGrowable(Uint8Array)
  const seenIds = new Set<string>()
  const seenTexts = createHashCounts()
  const reject = (record: Reject) => {
    scan.rejects.push(record)
    hooks.onReject?.(record)
  }
  const keep = (doc: InputDocument) => {
    if (seenIds.has(doc.id)) {
      reject(duplicateId(doc))
      return
    }
    seenIds.add(doc.id)
    scan.ids.push(doc.id)
    const spooled: SpooledDocument = {
      id: doc.id,
      text: doc.text,
      site: siteOf(doc),
      ...(doc.url === undefined ? {} : { url: doc.url }),
      ...(doc.fetchedAt === undefined ? {} : { fetchedAt: doc.fetchedAt }),
      ...(doc.flags === undefined ? {} : { flags: doc.flags }),
    }
    spools.documents.append(JSON.stringify(spooled))
  }

  const batches = createOrderedBatches<InputRecord>(executor, 'facts', async (records, result) => {
    if (result.stage !== 'facts') return
    const known = await knownIn(records, result.pages, hooks)
    result.pages.forEach((page, i) => {
      const record = records[i]
      if (record === undefined) return
      if (record.kind === 'reject') {
        reject(record)
        return
      }
      if ('reject' in page) {
        reject(page.reject)
        return
      }
      const doc = page.extracted ?? record
      const before = scan.ids.length
      keep(doc)
      if (scan.ids.length === before) return
      spools.digests?.append(page.digest ?? NO_DIGEST)
      const count = page.facts !== undefined && !seenTexts.has(page.textHash) && !known.has(doc.id)
      counted.push(count ? 1 : 0)
      seenTexts.add(page.textHash)
      if (count && page.facts !== undefined) scan.stats?.addFacts(page.facts)
    })
  })

  let read = 0
  for await (const record of input) {
    hooks.signal?.throwIfAborted()
    if (record.kind === 'document') {
      if (read % PROGRESS_EVERY === 0) {
        hooks.onProgress?.({ stage: 'reading', done: read, chars: scan.chars })
      }
      read++
      scan.chars += record.html?.length ?? record.text.length
    }
    // Rejects wait their turn too, so that every decision is made in input order.
    const page =
      record.kind === 'reject'
        ? { text: '', site: '' }
        : {
            text: record.html === undefined ? record.text : '',
            site: siteOf(record),
            ...(record.html === undefined ? {} : { html: record }),
          }
    await batches.add(record, page)
  }
  await batches.finish()
  spools.documents.finish()
  spools.digests?.finish()
  scan.counted = counted.view()
  return scan
}

// The ids of a batch's documents that the index holds already.
async function knownIn(
  records: readonly InputRecord[],
  pages: readonly FactsResult[],
  hooks: ScanHooks,
): Promise<Set<string>> {
  if (hooks.knownIds === undefined) return new Set()
  const ids: string[] = []
  pages.forEach((page, i) => {
    const record = records[i]
    if (record?.kind !== 'document' || 'reject' in page) return
    ids.push((page.extracted ?? record).id)
  })
  return hooks.knownIds(ids)
}

function duplicateId(record: InputDocument): Reject {
  return {
    kind: 'reject',
    source: record.source,
    ...(record.line === undefined ? {} : { line: record.line }),
    id: record.id,
    code: 'duplicate_id',
    reason: `duplicate id "${record.id}" (the first document with this id is kept)`,
  }
}

/**
 * A spooled document as a cleaning stage takes it: text, site and digest.
 *
 * @example
 * for await (const doc of documents()) await batches.add(doc, pageOf(doc))
 */
export function pageOf({ text, site, digest }: SpooledDocument): PageInput {
  return digest === undefined ? { text, site } : { text, site, digest }
}
