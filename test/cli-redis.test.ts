// The index shared on Redis, end to end: runs that meet again, and several processes at once.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dropRedisIndex } from '../src/store/redis-store.js'
import { REDIS, partitionOf } from './redis-partition.js'
import { jsonLines, runCli } from './run-cli.js'
import { writeSyntheticCorpus } from './synthetic-corpus.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'dist/cli/bin.js')
const dir = mkdtempSync(join(tmpdir(), 'winnow-redis-'))
const run = `cli-${process.pid}-${Date.now().toString(36)}`
const used: string[] = []
const fresh = () => {
  used.push(`${run}-${used.length + 1}`)
  return used[used.length - 1] as string
}

// A synthetic crawl of 400 pages on a few dozen sites, about 30% of them copies.
const corpus = join(dir, 'corpus.jsonl')
beforeAll(() => writeSyntheticCorpus(corpus, 400), 60_000)

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await Promise.all(used.map((namespace) => dropRedisIndex(REDIS, namespace)))
})

describe('a Redis index from the command line', () => {
  it('reports a second run of the same input as already seen, in the same clusters', async () => {
    const namespace = fresh()
    const args = ['dedup', corpus, '--index', REDIS, '--namespace', namespace, '-q', '-o', '-']
    const first = await runCli(args)
    expect(first.stderr).toBe('')
    const second = await runCli(args)
    const before = jsonLines(first.stdout)
    const after = jsonLines(second.stdout)
    expect(after.map((r) => r['status'])).toEqual(after.map(() => 'already_seen'))
    expect(after.map((r) => r['cluster'])).toEqual(before.map((r) => r['cluster']))
    expect(new Set(before.map((r) => r['status']))).toEqual(new Set(['new', 'duplicate']))
  }, 180_000)

  it('clusters a corpus split over four concurrent processes as one process does', async () => {
    // Shuffled, then dealt to four shards: every process meets copies the others hold.
    const lines = readFileSync(corpus, 'utf8').trim().split('\n')
    const order = lines.map((_, i) => (i * 7919) % lines.length)
    const shards = [0, 1, 2, 3].map((s) => join(dir, `shard-${s}.jsonl`))
    shards.forEach((shard, s) =>
      writeFileSync(
        shard,
        order
          .filter((_, i) => i % 4 === s)
          .map((i) => lines[i])
          .join('\n') + '\n',
      ),
    )
    // Cleaning statistics differ with what each process has seen; the raw text does not.
    const dedup = (input: string, namespace: string) =>
      promisify(execFile)(process.execPath, [
        bin,
        'dedup',
        input,
        '--no-clean',
        '--index',
        REDIS,
        '--namespace',
        namespace,
        '-q',
        '-o',
        join(dir, `${namespace}.jsonl`),
      ])
    const single = fresh()
    await dedup(corpus, single)
    const shared = fresh()
    await Promise.all(shards.map((shard) => dedup(shard, shared)))
    const expected = partitionOf(single)
    expect(expected.length).toBeLessThan(lines.length * 0.9)
    expect(partitionOf(shared)).toEqual(expected)
  }, 180_000)

  it('keeps --namespace for Redis indexes', async () => {
    const result = await runCli(['dedup', corpus, '--index', join(dir, 'x.db'), '--namespace', 'n'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--namespace goes with a redis:// index')
    const badName = await runCli(['dedup', corpus, '--index', REDIS, '--namespace', 'a b'])
    expect(badName.code).toBe(2)
    expect(badName.stderr).toContain('--namespace takes a name')
  })

  it('names the server when it cannot be reached', async () => {
    const result = await runCli(['index', 'stats', 'redis://127.0.0.1:1'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^winnow: redis redis:\/\/127\.0\.0\.1:1 \(namespace winnow\): /)
  })
})
