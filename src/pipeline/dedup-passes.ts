// A run as passes over re-readable input: scan, first cleaning, final cleaning, write.
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createCorpusStats } from '../clean/corpus-stats.js'
import { createSectionBreaks } from '../clean/section-breaks.js'
import { createLineSpill, type LineSpill } from '../io/line-spill.js'
import { createSetSpill, type SetSpill } from '../io/set-spill.js'
import { makeTempDir } from '../io/temp-dir.js'
import type { IndexStore, StoredModel } from '../store/index-store.js'
import type { IndexRunStats, InputRecord, Reject, RunStats } from '../types.js'
import {
  createAdaptiveExecutor,
  createInProcessExecutor,
  type PageExecutor,
} from '../workers/page-pool.js'
import type { TaskSetup } from '../workers/page-tasks.js'
import { clusterSpilled, type ClusterColumns } from './cluster-spilled.js'
import { createGrowable } from './growable.js'
import { createOrderedBatches } from './ordered-batches.js'
import { PROGRESS_EVERY, type Progress } from './progress.js'
import {
  pageOf,
  scanInput,
  type InputScan,
  type ScanHooks,
  type ScanSpools,
  type SpooledDocument,
} from './scan-input.js'
import { linesSharedAcrossArticles } from './shared-line-table.js'
import { createSignedCollector } from './signed-columns.js'
import { DEFAULT_DEDUP_OPTIONS, type DedupOptions } from './dedup-options.js'
import { indexPass, placesInIndex, statsTablesOf } from './index-pass.js'
import { placesIn, writeRecords, type PlaceOf, type RecordSink } from './write-records.js'

// Below this much page text (about 300 pages), starting worker threads costs more than it saves.
const IN_PROCESS_CHARS = 1_000_000

/** Where a run does its work. */
export interface RunResources {
  /** Worker threads for the per-page work; 1 (the default) runs it on the calling thread. */
  workers: number
  /** Folder for the run's temporary files (a fresh folder is made inside it and removed). */
  tempDir?: string
  /**
   * A persistent index to deduplicate against: the run's documents are added to it, each
   * decided against everything it holds, and cleaned with the statistics it has learnt.
   */
  index?: {
    store: IndexStore
    storeText: boolean
    /**
     * The index's statistics already count this input (a queued job's, counted in a first
     * phase): clean with them as they stand, count nothing, and learn lines from this input
     * alone, so that the run cleans each page alike whatever other runs do meanwhile.
     */
    counted?: boolean
  }
}

/**
 * Where a run's per-page work goes: this thread for one worker, else threads once the input
 * proves large enough to repay starting them.
 *
 * @example
 * const executor = createRunExecutor(2)
 */
export function createRunExecutor(workers: number): PageExecutor {
  return workers > 1 ? createAdaptiveExecutor(workers, IN_PROCESS_CHARS) : createInProcessExecutor()
}

/** What a run reports besides its records. */
export interface DedupSummary {
  rejects: Reject[]
  stats: RunStats
}

/**
 * Deduplicate a stream of records, holding only compact facts about each document in memory:
 * kept documents, signatures and the cleaned output wait in temporary files until the clusters
 * are known, so memory does not grow with the corpus's text.
 *
 * 1. scan: read the input once; extract HTML; account for rejects and duplicate ids; spool the
 *    kept documents; count the sites' template lines and words;
 * 2. first pass (when cleaning): clean, sign and cluster, to learn which prose lines other
 *    articles' pages carry (teasers) and which template lines end a site's articles;
 * 3. final pass: clean with all of that, sign, cluster;
 * 4. hand one record per document to `sink`, in input order.
 *
 * With an index, step 3 adds each batch of documents to it instead of clustering the run alone,
 * and the records report each document's place in the index.
 *
 * @example
 * await runDedupPasses(readInputs(paths, options), { workers: 2 }, hooks, (record) => out.write(record))
 */
export async function runDedupPasses(
  input: AsyncIterable<InputRecord>,
  options: Partial<DedupOptions & RunResources>,
  hooks: ScanHooks,
  sink: RecordSink,
): Promise<DedupSummary> {
  const started = performance.now()
  const settings = { ...DEFAULT_DEDUP_OPTIONS, workers: 1, ...options }
  const dir = makeTempDir(settings.tempDir, 'run')
  let executor: PageExecutor | undefined
  let digests: SetSpill | undefined
  try {
    executor = createRunExecutor(settings.workers)
    const base: TaskSetup = {
      sign: {
        shingleSize: settings.shingleSize,
        permutations: settings.permutations,
        bands: settings.bands,
        method: settings.method,
      },
      keepRemoved: settings.removed,
    }
    const store = settings.index?.store
    const counted = settings.index?.counted === true
    const countFacts = settings.clean && !counted
    await executor.setup({ ...base, countFacts, keepDigests: countFacts })
    const model = await store?.model()
    const counts = settings.clean
      ? createCorpusStats({}, model === undefined ? undefined : statsTablesOf(model))
      : undefined
    digests = createSetSpill(dir, 'digests')
    const spools = { documents: createLineSpill(dir, 'documents'), digests }
    const knownIds = store === undefined ? {} : { knownIds: (ids: string[]) => store.knownIds(ids) }
    const scan = await scanInput(input, executor, spools, counted ? undefined : counts, {
      ...hooks,
      ...knownIds,
    })
    if (counted) scan.stats = counts
    const documents = () => spooledDocuments(spools, hooks.signal)
    const context: PassContext = { documents, scan, executor, dir, settings, hooks }
    let setup = base
    let learnt: Learnt | undefined
    if (scan.stats !== undefined) {
      setup = { ...base, stats: scan.stats.tables() }
      await executor.setup(setup)
      learnt = await firstPass(context)
      setup = { ...setup, ...withLearnt(learnt, counted ? undefined : model) }
    }
    await executor.setup(
      store === undefined ? setup : { ...setup, finalFacts: settings.clean && !counted },
    )
    const final =
      store === undefined ? await clusterRun(context) : await addToIndex(context, store, learnt)
    hooks.signal?.throwIfAborted()
    const written = await writeRecords(
      final.output.lines(),
      scan.ids,
      final.placeOf,
      settings,
      sink,
      hooks,
    )
    const perDocument = (bytes: number) =>
      written.documents === 0 ? 0 : Math.round(bytes / written.documents)
    const stats: RunStats = {
      ...written,
      rejected: scan.rejects.length,
      seconds: Math.round(performance.now() - started) / 1000,
      index_bytes_per_document: perDocument(final.indexBytes),
      temp_bytes_per_document: perDocument(final.tempBytes),
    }
    if (store !== undefined && final.statuses !== undefined) {
      stats.index = await indexRunStats(store, final.statuses)
    }
    return { rejects: scan.rejects, stats }
  } finally {
    await executor?.close()
    digests?.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

// What each cleaning pass works with.
interface PassContext {
  documents: () => AsyncIterable<SpooledDocument>
  scan: InputScan
  executor: PageExecutor
  dir: string
  settings: DedupOptions & Partial<RunResources>
  hooks: ScanHooks
}

// The kept documents, read back from the scan's spools, each with its digest when it has one.
async function* spooledDocuments(
  { documents, digests }: ScanSpools,
  signal: AbortSignal | undefined,
): AsyncGenerator<SpooledDocument> {
  const digestsInOrder = digests?.inOrder()
  for await (const line of documents.lines()) {
    signal?.throwIfAborted()
    const doc = JSON.parse(line) as SpooledDocument
    const digest = digestsInOrder?.next().value
    if (digest !== undefined && digest.length > 0) doc.digest = digest
    yield doc
  }
}

/** What a first pass learns: prose lines other articles' pages carry, and section breaks. */
type Learnt = Required<Pick<TaskSetup, 'sharedLines' | 'sectionBreaks'>>

// A run's learnt lines with those its index learnt from earlier runs.
function withLearnt(learnt: Learnt, model: StoredModel | undefined): Learnt {
  if (model === undefined) return learnt
  const union = (a: Float64Array, b: Float64Array) => Float64Array.from(new Set([...a, ...b]))
  return {
    sharedLines: union(learnt.sharedLines, model.sharedLines),
    sectionBreaks: union(learnt.sectionBreaks, model.sectionBreaks),
  }
}

// First cleaning: cluster, then learn the shared prose lines and the section breaks from it.
async function firstPass({
  documents,
  scan,
  executor,
  dir,
  settings,
  hooks,
}: PassContext): Promise<Learnt> {
  const signed = createSignedCollector(dir, 'first', settings.bands, settings.method === 'simhash')
  const proseHashes = createGrowable(Float64Array)
  const proseDocs = createGrowable(Int32Array)
  const followers = createGrowable(Float64Array)
  let done = 0
  const batches = createOrderedBatches<null>(executor, 'first', (_, result) => {
    if (result.stage !== 'first') return
    for (const page of result.pages) {
      signed.add(page.signature)
      proseHashes.pushAll(page.proseHashes)
      for (let i = 0; i < page.proseHashes.length; i++) proseDocs.push(done)
      followers.pushAll(page.followers)
      report(hooks, 'first pass', ++done, scan.ids.length)
    }
  })
  try {
    for await (const doc of documents()) await batches.add(null, pageOf(doc))
    await batches.finish()
    const clusters = clusterSpilled(signed.finish(), settings)
    const articles = proseDocs.view().map((doc) => clusters.canonical[doc] ?? doc)
    const sharedLines = linesSharedAcrossArticles(proseHashes.view(), articles)
    return { sharedLines, sectionBreaks: sectionBreaksOf(followers.view(), sharedLines) }
  } finally {
    signed.close()
  }
}

/** How the final pass ends: the cleaned pages, and where each document stands. */
interface FinalPlaces {
  output: LineSpill
  placeOf: PlaceOf
  indexBytes: number
  tempBytes: number
  statuses?: Uint8Array
}

// Without an index: cluster the run's documents among themselves.
async function clusterRun(context: PassContext): Promise<FinalPlaces> {
  const { clusters, output, tempBytes } = await finalPass(context)
  const placeOf = placesIn(clusters, context.scan.ids)
  return { output, placeOf, indexBytes: clusters.indexBytes, tempBytes }
}

// With an index: add the documents to it, batch by batch, then the lines the run learnt.
async function addToIndex(
  { documents, scan, executor, dir, settings, hooks }: PassContext,
  store: IndexStore,
  learnt: Learnt | undefined,
): Promise<FinalPlaces> {
  const stage = settings.clean ? 'second pass' : 'signing'
  const { output, statuses } = await indexPass({
    documents,
    counted: scan.counted,
    executor,
    dir,
    index: store,
    storeText: settings.index?.storeText ?? false,
    onDone: (done) => report(hooks, stage, done, scan.ids.length),
  })
  const tempBytes = folderBytes(dir)
  // Learnt last: a run killed before this point reruns with the same lines.
  if (learnt !== undefined) await store.learnLines(learnt.sharedLines, learnt.sectionBreaks)
  const placeOf = placesInIndex(store, statuses)
  return { output, placeOf, indexBytes: statuses.byteLength, tempBytes, statuses }
}

async function indexRunStats(store: IndexStore, statuses: Uint8Array): Promise<IndexRunStats> {
  const held = await store.stats()
  const count = (status: number) => statuses.reduce((sum, s) => sum + (s === status ? 1 : 0), 0)
  return {
    new: count(0),
    duplicate: count(1),
    already_seen: count(2),
    documents: held.documents,
    clusters: held.clusters,
  }
}

// A site's template line ends its articles when what follows it is mostly shared prose.
function sectionBreaksOf(followers: Float64Array, sharedLines: Float64Array): Float64Array {
  const shared = new Set(sharedLines)
  const breaks = createSectionBreaks()
  for (let i = 0; i + 1 < followers.length; i += 2) {
    breaks.observeKey(followers[i] ?? 0, shared.has(followers[i + 1] ?? 0))
  }
  return breaks.breakKeys()
}

// Final cleaning (or none): sign and cluster, and keep each cleaned page for the output.
async function finalPass({
  documents,
  scan,
  executor,
  dir,
  settings,
  hooks,
}: PassContext): Promise<{ clusters: ClusterColumns; output: LineSpill; tempBytes: number }> {
  const signed = createSignedCollector(dir, 'final', settings.bands, settings.method === 'simhash')
  const output = createLineSpill(dir, 'records')
  const stage = settings.clean ? 'second pass' : 'signing'
  let done = 0
  const batches = createOrderedBatches<SpooledDocument>(executor, 'final', (docs, result) => {
    if (result.stage !== 'final') return
    result.pages.forEach((page, i) => {
      const doc = docs[i]
      signed.add(page.signature)
      output.append(JSON.stringify([doc?.url ?? null, doc?.flags ?? null, page.text, page.removed]))
      report(hooks, stage, ++done, scan.ids.length)
    })
  })
  try {
    for await (const doc of documents()) await batches.add(doc, pageOf(doc))
    await batches.finish()
    output.finish()
    const clusters = clusterSpilled(signed.finish(), settings)
    // The most disk the run takes: the spooled input, the final signatures and the output.
    return { clusters, output, tempBytes: folderBytes(dir) }
  } finally {
    signed.close()
    output.finish()
  }
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
}

function report(hooks: ScanHooks, stage: Progress['stage'], done: number, total: number): void {
  if (done % PROGRESS_EVERY === 0) hooks.onProgress?.({ stage, done, total })
}
