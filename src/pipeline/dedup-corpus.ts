// Wiring for one run: read → clean → sign → cluster → records, accounting for every document.
import type { CleanedPage } from '../clean/clean-page.js'
import type { DedupRecord, InputDocument, InputRecord, Reject, RunStats } from '../types.js'
import { cleanCorpus } from './clean-corpus.js'
import { extractDocuments } from './extract-documents.js'
import { PROGRESS_EVERY, type Progress } from './progress.js'
import { clusterDocuments } from './cluster-documents.js'
import { signText } from './sign-text.js'

/** Options of a deduplication run. */
export interface DedupOptions {
  /** Remove page furniture before comparing (`--no-clean` turns it off). */
  clean: boolean
  /** Estimated Jaccard similarity at or above which two documents are near-duplicates. */
  threshold: number
  /** Share of the smaller document's shingles found in the larger one that makes it a contained copy. */
  containment: number
  /** Words per shingle. */
  shingleSize: number
  /** MinHash permutations (signature length). */
  permutations: number
  /** LSH bands; permutations must be divisible by bands. */
  bands: number
  /**
   * How near-duplicate candidates are found: MinHash with LSH, verified on the shingle sets
   * (Jaccard and containment), or 64-bit SimHash fingerprints within `maxDistance` bits.
   */
  method: 'minhash' | 'simhash'
  /** With SimHash: the largest Hamming distance between copies' fingerprints (0..7). */
  maxDistance: number
  /** Add to each record how it was matched (`explain`). */
  explain: boolean
  /** Add to each record the lines cleaning removed, with their rules (`removed`). */
  removed: boolean
}

/**
 * Defaults, measured on the labelled dev corpus (see BENCHMARKS.md): 3-word shingles survive
 * house-style word changes better than 5-word ones; 128 permutations estimate Jaccard within
 * about ±0.04; 64 bands of 2 rows make a pair at Jaccard 0.3 a candidate with probability 0.998,
 * so truncated copies (low Jaccard, high containment) reach verification.
 */
export const DEFAULT_DEDUP_OPTIONS: DedupOptions = {
  clean: true,
  threshold: 0.5,
  containment: 0.85,
  shingleSize: 3,
  permutations: 128,
  bands: 64,
  method: 'minhash',
  maxDistance: 3,
  explain: false,
  removed: false,
}

/** Result of a run: one record per document in input order, the rejects, and the counts. */
export interface DedupRun {
  records: DedupRecord[]
  rejects: Reject[]
  stats: RunStats
}

/** Hooks a caller may pass to observe or stop a run. */
export interface DedupHooks {
  /** Called for every reject as it is read (the CLI uses it for `--strict`; it may throw). */
  onReject?: (reject: Reject) => void
  /** Called as each stage moves on, at most every 1,000 documents (the CLI draws progress). */
  onProgress?: (progress: Progress) => void
  signal?: AbortSignal
}

/**
 * Deduplicate a corpus: read every record, extract the article from HTML pages, clean each page
 * against what the site's other pages share, sign the cleaned text, cluster exact and near copies and pick one canonical copy each.
 *
 * @example
 * const run = await dedupCorpus(readInputs(['pages/'], DEFAULT_READ_OPTIONS))
 * run.records[0] // { id, cluster, canonical, duplicate_of, similarity, reason, text }
 */
export async function dedupCorpus(
  input: AsyncIterable<InputRecord>,
  options: Partial<DedupOptions> = {},
  hooks: DedupHooks = {},
): Promise<DedupRun> {
  const settings = { ...DEFAULT_DEDUP_OPTIONS, ...options }
  const started = performance.now()
  const { documents, rejects } = await collect(extractDocuments(input), hooks)

  const pages: CleanedPage[] = settings.clean
    ? cleanCorpus(documents, settings, settings.removed, hooks.onProgress)
    : documents.map((doc) => ({ text: doc.text, removed: [] }))
  hooks.signal?.throwIfAborted()
  const signed = pages.map((page) => signText(page.text, settings))
  const clusters = clusterDocuments(signed, settings)

  const records = documents.map((doc, i): DedupRecord => {
    const place = clusters[i]
    if (place === undefined) throw new Error(`no cluster for document ${i}`)
    const canonicalId = documents[place.canonical]?.id ?? doc.id
    const record: DedupRecord = {
      id: doc.id,
      ...(doc.url === undefined ? {} : { url: doc.url }),
      cluster: canonicalId,
      canonical: place.canonical === i,
      duplicate_of: place.canonical === i ? null : canonicalId,
      similarity: round(place.similarity),
      reason: place.reason,
      text: pages[i]?.text ?? '',
    }
    if (doc.flags !== undefined && doc.flags.length > 0) record.flags = doc.flags
    if (settings.explain) {
      record.explain = {
        matched_with:
          place.matchedWith === null ? null : (documents[place.matchedWith]?.id ?? null),
        jaccard: round(place.jaccard),
        containment: round(place.containment),
        threshold: settings.threshold,
        containment_threshold: settings.containment,
      }
    }
    if (settings.removed) record.removed = pages[i]?.removed ?? []
    return record
  })
  return { records, rejects, stats: summarise(records, rejects, performance.now() - started) }
}

async function collect(
  input: AsyncIterable<InputRecord>,
  hooks: DedupHooks,
): Promise<{ documents: InputDocument[]; rejects: Reject[] }> {
  const documents: InputDocument[] = []
  const rejects: Reject[] = []
  const ids = new Set<string>()
  let chars = 0
  const reject = (record: Reject) => {
    rejects.push(record)
    hooks.onReject?.(record)
  }
  for await (const record of input) {
    hooks.signal?.throwIfAborted()
    if (documents.length % PROGRESS_EVERY === 0 && record.kind === 'document') {
      hooks.onProgress?.({ stage: 'reading', done: documents.length, chars })
    }
    if (record.kind === 'document') chars += record.text.length
    if (record.kind === 'reject') reject(record)
    else if (ids.has(record.id)) {
      reject({
        kind: 'reject',
        source: record.source,
        ...(record.line === undefined ? {} : { line: record.line }),
        id: record.id,
        code: 'duplicate_id',
        reason: `duplicate id "${record.id}" (the first document with this id is kept)`,
      })
    } else {
      ids.add(record.id)
      documents.push(record)
    }
  }
  return { documents, rejects }
}

function summarise(
  records: readonly DedupRecord[],
  rejects: readonly Reject[],
  ms: number,
): RunStats {
  const duplicates = records.filter((record) => !record.canonical)
  return {
    documents: records.length,
    clusters: records.length - duplicates.length,
    duplicates: duplicates.length,
    exact_duplicates: duplicates.filter((record) => record.reason === 'exact').length,
    near_duplicates: duplicates.filter((record) => record.reason !== 'exact').length,
    rejected: rejects.length,
    empty: records.filter((record) => record.flags?.includes('empty')).length,
    invalid_utf8: records.filter((record) => record.flags?.includes('invalid_utf8')).length,
    seconds: Math.round(ms) / 1000,
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
