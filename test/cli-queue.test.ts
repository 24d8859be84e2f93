// `winnow submit` and `winnow worker`: a corpus split into jobs for several workers, one of them
// killed mid-job, ends as one process would have left it.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dropRedisIndex } from '../src/store/redis-store.js'
import { REDIS, partitionOf } from './redis-partition.js'
import { runCli } from './run-cli.js'
import { writeSyntheticCorpus } from './synthetic-corpus.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'dist/cli/bin.js')
const dir = mkdtempSync(join(tmpdir(), 'winnow-queue-'))
const run = `queue-${process.pid}-${Date.now().toString(36)}`
const corpus = join(dir, 'corpus.jsonl')

beforeAll(() => {
  writeSyntheticCorpus(corpus, 600)
}, 60_000)
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  for (const name of [`${run}-one`, `${run}-many`, `winnow-queue-${run}-many`]) {
    await dropRedisIndex(REDIS, name)
  }
})

function start(args: string[]): {
  child: ChildProcess
  stderr: () => string
  exited: Promise<number | null>
} {
  const child = spawn(process.execPath, [bin, ...args])
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)))
  return { child, stderr: () => stderr, exited }
}

describe('jobs on a queue', () => {
  it('loses nothing and counts nothing twice when a worker is killed mid-job', async () => {
    const single = await runCli([
      'dedup',
      corpus,
      '--no-clean',
      '--index',
      REDIS,
      '--namespace',
      `${run}-one`,
      '-q',
      '-o',
      join(dir, 'one.jsonl'),
    ])
    expect(single.code).toBe(0)

    const namespace = `${run}-many`
    const queue = ['--queue', REDIS, '--namespace', namespace]
    const workerArgs = ['worker', ...queue, '--index', REDIS, '--no-clean', '--lock-seconds', '1']
    const submit = start(['submit', corpus, ...queue, '--lines', '50'])
    const doomed = start(workerArgs)
    // Kill the first worker once it is inside a job.
    await new Promise<void>((ok) => {
      const timer = setInterval(() => {
        if (doomed.stderr().includes('started')) {
          clearInterval(timer)
          setTimeout(ok, 150)
        }
      }, 20)
    })
    doomed.child.kill('SIGKILL')
    await doomed.exited
    const workers = [
      start([...workerArgs, '--until-empty']),
      start([...workerArgs, '--until-empty']),
    ]
    expect(await submit.exited).toBe(0)
    expect(submit.stderr()).toContain('12 of 12 jobs finished')
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0])

    const stats = await runCli(['index', 'stats', REDIS, '--namespace', namespace])
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 600 })
    expect(partitionOf(namespace)).toEqual(partitionOf(`${run}-one`))
  }, 180_000)

  it('asks for a queue and an index on Redis', async () => {
    expect((await runCli(['submit', corpus])).stderr).toContain('submit needs --queue redis://')
    const worker = await runCli(['worker', '--queue', REDIS, '--index', join(dir, 'x.db')])
    expect(worker.code).toBe(2)
    expect(worker.stderr).toContain('worker needs --index redis://')
    const inputs = await runCli(['worker', corpus, '--queue', REDIS, '--index', REDIS])
    expect(inputs.stderr).toContain('worker takes no inputs')
  })
})
