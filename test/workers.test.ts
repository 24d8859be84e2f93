// Parallelism changes nothing: the same records with the per-page work on one thread or on two.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorkerPool } from '../src/workers/page-pool.js'
import { runCli } from './run-cli.js'
import { writeSyntheticCorpus } from './synthetic-corpus.js'

let dir = ''
let corpus = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-workers-test-'))
  corpus = join(dir, 'crawl.jsonl')
  // A small synthetic crawl: sites with templates, teasers and copies of many kinds.
  writeSyntheticCorpus(corpus, 800)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('worker threads', () => {
  it(
    'give the same records, clusters and removed lines as the main thread',
    { timeout: 60_000 },
    async () => {
      const run = (workers: string) =>
        runCli(['dedup', corpus, '--explain', '--removed', '--quiet', '--workers', workers])
      const [one, two] = [await run('1'), await run('2')]
      expect(one.code).toBe(0)
      expect(two).toEqual(one)
      const records = one.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as object)
      expect(records).toHaveLength(800)
      // Copies were found and furniture removed, so equality is not between two trivial results.
      expect(
        records.filter((record) => 'canonical' in record && !record.canonical).length,
      ).toBeGreaterThan(50)
    },
  )
})

describe('the worker pool', () => {
  it('turns an error inside a worker into a rejected task naming the worker, and goes on', async () => {
    const pool = createWorkerPool(1)
    try {
      await pool.setup({
        sign: { shingleSize: 3, permutations: 128, bands: 64 },
        keepRemoved: false,
      })
      // A cleaning stage without statistics is a programming error the worker reports.
      const failing = pool.run({ stage: 'first', pages: [{ text: 'Oil rose.', site: '' }] })
      await expect(failing).rejects.toThrow(/worker thread 0: .*without statistics/)
      const result = await pool.run({ stage: 'final', pages: [{ text: 'Oil rose.', site: '' }] })
      expect(result.stage === 'final' && result.pages[0]?.text).toBe('Oil rose.')
    } finally {
      await pool.close()
    }
  })
})
