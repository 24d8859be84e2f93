// The command line against a real Redis Cluster: a run into the index, and jobs on a queue,
// both through one node's URL while the namespace's slot may live on another node.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCluster, type LocalCluster } from './redis-cluster.js'
import { jsonLines, runCli } from './run-cli.js'
import { writeSyntheticCorpus } from './synthetic-corpus.js'

const bin = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist/cli/bin.js')
const dir = mkdtempSync(join(tmpdir(), 'winnow-cli-cluster-'))
const corpus = join(dir, 'corpus.jsonl')
let cluster: LocalCluster | undefined
const url = () => cluster?.urls[1] ?? ''

beforeAll(async () => {
  writeSyntheticCorpus(corpus, 120)
  cluster = await startLocalCluster()
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const winnow = (...args: string[]) => promisify(execFile)(process.execPath, [bin, ...args])

describe('the command line on a Redis Cluster', () => {
  it('deduplicates into the index and exports it, as on a single Redis', async () => {
    const run = await runCli(['dedup', corpus, '--index', url(), '--namespace', 'run', '-q'])
    expect(run.code).toBe(0)
    const records = jsonLines(run.stdout)
    const exported = jsonLines(
      (await runCli(['index', 'export', url(), '--namespace', 'run'])).stdout,
    )
    expect(exported).toHaveLength(120)
    const clusterOf = new Map(exported.map((doc) => [doc['id'], doc['cluster']]))
    expect(records.map((record) => clusterOf.get(record['id']))).toEqual(
      records.map((record) => record['cluster']),
    )
  }, 60_000)

  it('runs queued jobs with two workers', async () => {
    const queue = ['--queue', url(), '--namespace', 'jobs']
    const submit = winnow('submit', corpus, ...queue, '--lines', '40', '-q')
    const worker = () => winnow('worker', ...queue, '--index', url(), '--until-empty', '-q')
    await Promise.all([submit, worker(), worker()])
    const stats = await runCli(['index', 'stats', url(), '--namespace', 'jobs'])
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 120 })
  }, 120_000)
})
