// The first read of a run: account for every record, weed out duplicate ids, gather site statistics.
import { createCorpusStats, type CorpusStats } from '../clean/corpus-stats.js'
import { createHashCounts } from '../text/hash-counts.js'
import type { InputDocument, InputRecord, Reject } from '../types.js'
import type { PageExecutor } from '../workers/page-pool.js'
import { createOrderedBatches } from './ordered-batches.js'
import { PROGRESS_EVERY, type Progress } from './progress.js'
import { siteOf } from './site-of.js'

/** What the first read learns. */
export interface InputScan {
  /** Ids of the documents the run keeps, in input order. */
  ids: string[]
  /** Positions (among all documents read) of those left out for a duplicate id. */
  skipped: Set<number>
  rejects: Reject[]
  /** Template and word statistics, when the run cleans. */
  stats: CorpusStats | undefined
  /** Characters of text read. */
  chars: number
}

/** How the scan reports to its caller. */
export interface ScanHooks {
  onReject?: (reject: Reject) => void
  onProgress?: (progress: Progress) => void
  signal?: AbortSignal
}

/**
 * Read the input once: every reject is kept and reported, a document whose id was seen before
 * becomes a `duplicate_id` reject, and, when `executor` is given, every distinct page text adds
 * its template keys and words to the statistics (byte-identical recaptures are counted once, or
 * an article's own paragraphs would look like site template).
 *
 * @example
 * const scan = await scanInput(readInputs(paths, options), executor, hooks)
 */
export async function scanInput(
  input: AsyncIterable<InputRecord>,
  executor: PageExecutor | undefined,
  hooks: ScanHooks,
): Promise<InputScan> {
  const scan: InputScan = {
    ids: [],
    skipped: new Set(),
    rejects: [],
    stats: executor === undefined ? undefined : createCorpusStats(),
    chars: 0,
  }
  const seenIds = new Set<string>()
  const seenTexts = createHashCounts()
  const batches =
    executor === undefined
      ? undefined
      : createOrderedBatches<null>(executor, 'facts', (_, result) => {
          if (result.stage !== 'facts') return
          for (const page of result.pages) {
            if (seenTexts.has(page.textHash)) continue
            seenTexts.add(page.textHash)
            scan.stats?.addFacts(page.facts)
          }
        })
  const reject = (record: Reject) => {
    scan.rejects.push(record)
    hooks.onReject?.(record)
  }

  let position = 0
  for await (const record of input) {
    hooks.signal?.throwIfAborted()
    if (record.kind === 'reject') {
      reject(record)
      continue
    }
    if (position % PROGRESS_EVERY === 0) {
      hooks.onProgress?.({ stage: 'reading', done: position, chars: scan.chars })
    }
    position++
    scan.chars += record.text.length
    if (seenIds.has(record.id)) {
      scan.skipped.add(position - 1)
      reject(duplicateId(record))
      continue
    }
    seenIds.add(record.id)
    scan.ids.push(record.id)
    await batches?.add(null, { text: record.text, site: siteOf(record) })
  }
  await batches?.finish()
  return scan
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
