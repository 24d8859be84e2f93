// A queued job's first phase: count its pages into the shared index's cleaning statistics.
import { rmSync } from 'node:fs'
import { createCorpusStats, type CorpusStats, type PageFacts } from '../clean/corpus-stats.js'
import { createLineSpill } from '../io/line-spill.js'
import { makeTempDir } from '../io/temp-dir.js'
import { StoreError } from '../errors.js'
import type { IndexStore } from '../store/index-store.js'
import type { InputRecord, Reject } from '../types.js'
import { createRunExecutor } from './dedup-passes.js'
import { modelDeltaOf } from './index-pass.js'
import { scanInput, type ScanHooks } from './scan-input.js'

/** What counting a job's pages did. */
export interface CountSummary {
  /** Pages counted: the job's documents the index does not hold, identical pages once. */
  pages: number
  /** False when the statistics held this job's counts already (a retried job). */
  added: boolean
  rejects: Reject[]
}

/**
 * Count the pages of `input` into the index's statistics, in one step under `name`, so that a
 * job retried after its worker died does not count them twice. When every job of a submission
 * has been counted, each job's run cleans with statistics that no longer change (`counted` in
 * {@link RunResources}' index), and so cleans a page alike on any machine at any moment.
 *
 * @example
 * await countIntoIndex(readInputs(['part.jsonl'], options), store, 'part.jsonl#0-10000', { workers: 2 }, {})
 */
export async function countIntoIndex(
  input: AsyncIterable<InputRecord>,
  store: IndexStore,
  name: string,
  resources: { workers: number; tempDir?: string },
  hooks: ScanHooks,
): Promise<CountSummary> {
  if (store.countOnce === undefined) {
    throw new StoreError('counting a job once needs the shared index on Redis')
  }
  const dir = makeTempDir(resources.tempDir, 'count')
  const executor = createRunExecutor(resources.workers)
  try {
    // Only the facts pass runs: signature settings do not matter to it.
    await executor.setup({
      sign: { shingleSize: 1, permutations: 1, bands: 1 },
      keepRemoved: false,
      countFacts: true,
    })
    const facts: PageFacts[] = []
    const stats = createCorpusStats()
    const collecting: CorpusStats = { ...stats, addFacts: (page) => facts.push(page) }
    const spools = { documents: createLineSpill(dir, 'documents') }
    const scan = await scanInput(input, executor, spools, collecting, {
      ...hooks,
      knownIds: (ids) => store.knownIds(ids),
    })
    const added = await store.countOnce(name, modelDeltaOf(facts))
    return { pages: facts.length, added, rejects: scan.rejects }
  } finally {
    await executor.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
