// Parallelism changes nothing: the same records with the per-page work on one thread or on two.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
let dir = ''
let corpus = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-workers-test-'))
  corpus = join(dir, 'crawl.jsonl')
  // A small synthetic crawl: sites with templates, teasers and copies of many kinds.
  execFileSync(process.execPath, [
    join(root, 'bench/generate-corpus.mjs'),
    '--docs',
    '800',
    '--out',
    corpus,
  ])
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
