// `winnow submit` and `winnow worker`: a corpus split into jobs for several workers, one of them
// killed mid-job, ends as one worker would have left it, cleaning included.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dropRedisIndex } from '../src/store/redis-store.js'
import { REDIS, cleanedOf, partitionOf } from './redis-partition.js'
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
  for (const name of ['one', 'four', 'killed'].map((kind) => `${run}-${kind}`)) {
    await dropRedisIndex(REDIS, name)
    await dropRedisIndex(REDIS, `winnow-queue-${name}`)
  }
})

function start(args: string[]): {
  child: ChildProcess
  stderr: () => string
  exited: Promise<number | null>
} {
  // Temporary files go into the test's folder: a worker killed mid-job leaves its own behind.
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, TMPDIR: dir } })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)))
  return { child, stderr: () => stderr, exited }
}

// Dealt out of order, so that every job meets copies that other jobs hold.
function shuffled(path: string): string {
  const lines = readFileSync(path, 'utf8').trim().split('\n')
  const out = join(dir, 'shuffled.jsonl')
  writeFileSync(out, lines.map((_, i) => lines[(i * 7919) % lines.length]).join('\n') + '\n')
  return out
}

// Submit the corpus in jobs of 50 lines to a namespace and run `workers` workers until the
// queue is empty; `beforeWorkers` may start (and kill) one of its own first. A short lock lets
// another worker take a killed worker's job soon; on a busy machine it may also expire under a
// live one (and the job's retries run out), so only the kill test uses it.
async function submitAndWork(
  namespace: string,
  workers: number,
  beforeWorkers?: (workerArgs: string[]) => Promise<void>,
  lockSeconds = 30,
): Promise<string> {
  const queue = ['--queue', REDIS, '--namespace', namespace]
  const workerArgs = [
    'worker',
    ...queue,
    '--index',
    REDIS,
    '--workers',
    '1',
    '--lock-seconds',
    String(lockSeconds),
  ]
  const submit = start(['submit', input, ...queue, '--lines', '50'])
  // Workers that stop on an empty queue start once there is something on it.
  await until(() => submit.stderr().includes('jobs on queue'))
  await beforeWorkers?.(workerArgs)
  const running = Array.from({ length: workers }, () => start([...workerArgs, '--until-empty']))
  expect(await submit.exited).toBe(0)
  expect(await Promise.all(running.map((worker) => worker.exited))).toEqual(running.map(() => 0))
  return submit.stderr()
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((ok) => setTimeout(ok, 20))
}

// The cleaning statistics' page count of a namespace.
async function pagesCounted(namespace: string): Promise<number> {
  const redis = new Redis(REDIS)
  try {
    return Number(await redis.hget(`{${namespace}}:meta`, 'pages'))
  } finally {
    redis.disconnect()
  }
}

let input = ''
let oneWorker: Promise<{ partition: string[][]; cleaned: string[] }>

describe('jobs on a queue', () => {
  beforeAll(() => {
    input = shuffled(corpus)
    oneWorker = submitAndWork(`${run}-one`, 1).then(() => ({
      partition: partitionOf(`${run}-one`),
      cleaned: cleanedOf(`${run}-one`),
    }))
  })

  it('cleans and clusters a corpus with four concurrent workers as one worker does', async () => {
    const namespace = `${run}-four`
    const said = await submitAndWork(namespace, 4)
    expect(said).toContain('12 of 12 counting jobs finished')
    expect(said).toContain('12 of 12 dedup jobs finished')
    const expected = await oneWorker
    expect(expected.partition.length).toBeLessThan(600 * 0.9)
    expect(partitionOf(namespace)).toEqual(expected.partition)
    // Every page cleaned alike: the same statistics, whichever worker took its job and when.
    expect(cleanedOf(namespace)).toEqual(expected.cleaned)
    expect(await pagesCounted(namespace)).toBe(await pagesCounted(`${run}-one`))
  }, 180_000)

  it('loses nothing and counts nothing twice when a worker is killed mid-job', async () => {
    const namespace = `${run}-killed`
    await submitAndWork(
      namespace,
      2,
      async (workerArgs) => {
        const doomed = start(workerArgs)
        // Kill the worker once it is inside a job.
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
      },
      2,
    )
    const stats = await runCli(['index', 'stats', REDIS, '--namespace', namespace])
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 600 })
    const expected = await oneWorker
    expect(partitionOf(namespace)).toEqual(expected.partition)
    expect(cleanedOf(namespace)).toEqual(expected.cleaned)
    expect(await pagesCounted(namespace)).toBe(await pagesCounted(`${run}-one`))
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
