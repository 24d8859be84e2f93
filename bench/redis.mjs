// The index shared on Redis: memory per document (INFO memory before and after) and documents/s
// of the index step with 1, 2 and 4 processes adding to one namespace at once.
// Usage: npm run bench:redis [-- --docs N] [--processes 1,2,4] [--window W] [--redis URL]
// Pages come from bench/generate-corpus.mjs, cleaned by winnow dedup (cached in bench/out), and
// are signed (default options) before the clock starts: what is timed is the check-and-add against Redis, in batches of 200.
// 'script µs/document' is the server's own time in EVALSHA (INFO commandstats) over the timed
// step: it counts every client's scripts, so give the bench a Redis of its own (--redis).
import { execFileSync, fork } from 'node:child_process'
import { createReadStream, existsSync, mkdirSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { Redis } from 'ioredis'

const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, '../dist')
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '200000' },
    processes: { type: 'string', default: '1,2,4' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
    worker: { type: 'boolean', default: false },
    shard: { type: 'string', default: '0/1' },
    namespace: { type: 'string', default: '' },
    corpus: { type: 'string', default: '' },
    // Batches a process keeps in flight: with more than one, the client prepares the next
    // batch while Redis runs the last (pipelining; Redis still runs them one at a time, in order).
    window: { type: 'string', default: '4' },
  },
})

const BATCH = 200

if (values.worker) await work()
else await main()

// One process: sign its shard of the corpus, wait for the word, add it, report the seconds.
async function work() {
  const { signText } = await import(join(dist, 'dedup/sign-text.js'))
  const { bandHashes } = await import(join(dist, 'dedup/lsh.js'))
  const { openIndex } = await import(join(dist, 'pipeline/open-index.js'))
  const { DEFAULT_DEDUP_OPTIONS: options } = await import(join(dist, 'pipeline/dedup-options.js'))
  const [shard, shards] = values.shard.split('/').map(Number)
  const entries = []
  let line = -1
  for await (const text of createInterface({ input: createReadStream(values.corpus) })) {
    if (++line % shards !== shard || text === '') continue
    const page = JSON.parse(text)
    const signed = signText(page.text, options)
    entries.push({
      id: page.id,
      exact: signed.exact,
      tokens: signed.tokens,
      bands: bandHashes(signed.signature, options.bands, options.permutations / options.bands),
      set: signed.set,
      cleanedLength: page.text.length,
    })
  }
  const store = await openIndex({
    path: values.redis,
    namespace: values.namespace,
    create: options,
  })
  process.send({ ready: entries.length })
  await new Promise((go) => process.once('message', go))
  const start = process.hrtime.bigint()
  const inFlight = new Set()
  for (let at = 0; at < entries.length; at += BATCH) {
    const added = store.add(entries.slice(at, at + BATCH)).then(() => inFlight.delete(added))
    inFlight.add(added)
    if (inFlight.size >= Number(values.window)) await Promise.race(inFlight)
    const half = Math.floor(entries.length / 2)
    if (at < half && at + BATCH >= half) process.send({ half: true })
  }
  await Promise.all(inFlight)
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  await store.close()
  process.send({ documents: entries.length, seconds })
}

async function main() {
  const docs = Number(values.docs)
  const out = join(here, 'out')
  mkdirSync(out, { recursive: true })
  const raw = join(out, `redis-corpus-${docs}.jsonl`)
  if (!existsSync(raw)) {
    const generator = join(here, 'generate-corpus.mjs')
    execFileSync(process.execPath, [generator, '--docs', String(docs), '--out', raw])
  }
  // The index sees cleaned pages, as in a run: raw pages of one site share their furniture, and
  // with it band keys that make every page of the site a candidate of every other.
  const corpus = join(out, `redis-cleaned-${docs}.jsonl`)
  if (!existsSync(corpus)) {
    const bin = join(dist, 'cli/bin.js')
    execFileSync(process.execPath, [bin, 'dedup', raw, '-q', '-o', corpus], { stdio: 'inherit' })
  }
  const redis = new Redis(values.redis)
  console.log(
    `redis bench: ${docs.toLocaleString('en')} documents, ${cpus().length} cores, ${cpus()[0]?.model ?? ''}`,
  )
  console.log(
    '| processes | documents/s (all) | documents/s per process | Redis bytes/document | script µs/document | seconds | clusters | same partition as 1 process |',
  )
  console.log(
    '| --------: | ----------------: | ----------------------: | -------------------: | -----------------: | ------: | -------: | :-------------------------- |',
  )
  let reference
  for (const processes of values.processes.split(',').map(Number)) {
    const namespace = `bench-${process.pid}-${processes}`
    await clear(namespace)
    const before = await usedMemory(redis)
    const children = Array.from({ length: processes }, (_, shard) =>
      fork(fileURLToPath(import.meta.url), [
        '--worker',
        '--shard',
        `${shard}/${processes}`,
        '--namespace',
        namespace,
        '--corpus',
        corpus,
        '--redis',
        values.redis,
        '--window',
        values.window,
      ]),
    )
    await Promise.all(children.map((child) => new Promise((ok) => child.once('message', ok))))
    // The first process reports when it is half way: memory then and at the end gives the
    // bytes each further document adds, without the fixed cost of the namespace's keys.
    let half
    children[0].on('message', (message) => {
      if (message.half === true) void usedMemory(redis).then((bytes) => (half = bytes))
    })
    const done = children.map(
      (child) =>
        new Promise((ok) =>
          child.on('message', (message) => {
            if (message.half !== true) ok(message)
          }),
        ),
    )
    const serverBefore = await scriptMicroseconds(redis)
    const start = process.hrtime.bigint()
    for (const child of children) child.send('go')
    const results = await Promise.all(done)
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    const serverMicroseconds = (await scriptMicroseconds(redis)) - serverBefore
    const after = await usedMemory(redis)
    const bytes = after - before
    const marginal = half === undefined ? undefined : (after - half) / (docs / 2)
    const perProcess = results.reduce((sum, r) => sum + r.documents / r.seconds, 0) / processes
    // Concurrent processes must find the clustering one process finds.
    const partition = await partitionOf(namespace)
    reference ??= partition
    console.log(
      `| ${processes} | ${Math.round(docs / seconds).toLocaleString('en')} | ${Math.round(perProcess).toLocaleString('en')} | ${Math.round(bytes / docs)}${processes === 1 && marginal !== undefined ? ` (${Math.round(marginal)} for the second half)` : ''} | ${(serverMicroseconds / docs).toFixed(1)} | ${seconds.toFixed(1)} | ${partition.size.toLocaleString('en')} | ${samePartition(partition, reference) ? 'yes' : 'NO'} |`,
    )
    await clear(namespace)
  }
  await redis.quit()
}

// Each cluster as the sorted ids of its members, keyed by that list.
async function partitionOf(namespace) {
  const { openIndex } = await import(join(dist, 'pipeline/open-index.js'))
  const store = await openIndex({ path: values.redis, namespace })
  const clusters = new Map()
  for await (const doc of store.documents()) {
    const members = clusters.get(doc.cluster) ?? []
    members.push(doc.id)
    clusters.set(doc.cluster, members)
  }
  await store.close()
  return new Set([...clusters.values()].map((ids) => ids.sort().join(' ')))
}

function samePartition(a, b) {
  return a.size === b.size && [...a].every((cluster) => b.has(cluster))
}

// Server time spent in scripts run by digest so far (INFO commandstats), in microseconds: the
// check-and-add calls of the timed step.
async function scriptMicroseconds(redis) {
  const info = await redis.info('commandstats')
  return Number(/cmdstat_evalsha:calls=\d+,usec=(\d+)/.exec(info)?.[1] ?? 0)
}

async function usedMemory(redis) {
  const info = await redis.info('memory')
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0)
}

async function clear(namespace) {
  const { dropRedisIndex } = await import(join(dist, 'store/redis-store.js'))
  await dropRedisIndex(values.redis, namespace)
}
