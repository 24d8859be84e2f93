// Work for many machines: an input split into jobs on a BullMQ queue in Redis.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { InputError } from '../errors.js'
import { connectRedis, type RedisConnection } from '../store/redis-connect.js'

/**
 * A job on the queue: its input, and its phase: `count` adds its pages to the shared cleaning
 * statistics, `dedup` (once every job is counted) cleans and adds its documents to the index.
 */
export interface QueuedJob extends DedupJob {
  stage: 'count' | 'dedup'
}

/**
 * A job's id on the queue, the same for the same input, version and lines: a job submitted
 * again is not queued twice while the queue remembers it, but a file rewritten under the same
 * name makes new jobs.
 *
 * @example
 * jobIdOf({ input: '/data/crawl.jsonl', version: '5120.1764', lines: [0, 10000] }) // '/data/crawl.jsonl@5120.1764#0-10000'
 */
export function jobIdOf(job: DedupJob): string {
  const version = job.version === undefined ? '' : `@${job.version}`
  // BullMQ keeps ids in Redis key names, where it reserves the colon.
  return `${job.input}${version}#${job.lines?.join('-') ?? 'all'}`.replace(/:/g, '_')
}

/** One job: an input (a file or a folder), or a range of a JSONL file's lines. */
export interface DedupJob {
  /** Absolute path, so any worker that sees the same file system reads the same input. */
  input: string
  /** The input's size and modification time (ms) when it was submitted. */
  version?: string
  /** Lines `from` (inclusive) to `to` (exclusive), counted from 0; the whole input when absent. */
  lines?: [number, number]
}

/**
 * The queue of a namespace, and the key prefix that keeps BullMQ's keys in one Redis Cluster
 * slot (BullMQ's own recommendation: a hash tag in the prefix).
 *
 * @example
 * queueOf('news') // { name: 'dedup', prefix: '{winnow-queue-news}' }
 */
export function queueOf(namespace: string): { name: string; prefix: string } {
  return { name: 'dedup', prefix: `{winnow-queue-${namespace}}` }
}

/**
 * The key a running `winnow submit` keeps alive on the queue's Redis, so that workers told to
 * stop once the queue is empty do not stop between its two phases (when every counting job is
 * done and the dedup jobs are not on the queue yet). It expires soon after a submit that dies.
 *
 * @example
 * await connection.exists(submittingKey(queueOf('news').prefix)) // 1 while a submit runs
 */
export function submittingKey(prefix: string): string {
  return `${prefix}:submitting`
}

/** How long the submitting key lives unless renewed, and how often a submit renews it. */
export const SUBMITTING_TTL_MS = 10_000
export const SUBMITTING_RENEW_MS = 2_000

/**
 * A connection for BullMQ to the Redis (or Redis Cluster) a `redis://` URL names. Commands wait
 * for a server that is away rather than fail, as BullMQ's workers need; the caller closes it
 * after the queues that use it.
 *
 * @example
 * const connection = await queueConnection('redis://127.0.0.1:6379/2')
 */
export function queueConnection(url: string): Promise<RedisConnection> {
  return connectRedis(url, { maxRetriesPerRequest: null })
}

/**
 * The jobs of some inputs: JSONL files (`.jsonl`, `.jsonl.gz`) in ranges of `linesPerJob`
 * lines, anything else whole.
 *
 * @example
 * await planJobs(['crawl.jsonl'], 10_000) // [{ input: '/…/crawl.jsonl', lines: [0, 10000] }, …]
 */
export async function planJobs(
  inputs: readonly string[],
  linesPerJob: number,
): Promise<DedupJob[]> {
  const jobs: DedupJob[] = []
  for (const input of inputs) {
    const path = resolve(input)
    const { size, mtimeMs } = await stat(path).catch((error: unknown) => {
      const reason = `cannot read: ${(error as Error).message}`
      throw new InputError('unreadable_path', input, undefined, reason, { cause: error })
    })
    const version = `${size}.${Math.floor(mtimeMs)}`
    if (!/\.jsonl(\.gz)?$/i.test(path)) {
      jobs.push({ input: path, version })
      continue
    }
    const lines = await countLines(path)
    for (let from = 0; from < lines; from += linesPerJob) {
      jobs.push({ input: path, version, lines: [from, Math.min(lines, from + linesPerJob)] })
    }
  }
  return jobs
}

/**
 * The lines of a range of a JSONL file (gzip or not), as they are.
 *
 * @example
 * for await (const line of linesOf('/data/crawl.jsonl', [0, 100])) …
 */
export async function* linesOf(path: string, [from, to]: [number, number]): AsyncGenerator<string> {
  let n = 0
  for await (const line of createInterface({ input: openText(path), crlfDelay: Infinity })) {
    if (n >= to) break
    if (n++ >= from) yield line
  }
}

async function countLines(path: string): Promise<number> {
  let n = 0
  for await (const line of createInterface({ input: openText(path), crlfDelay: Infinity })) {
    void line
    n++
  }
  return n
}

function openText(path: string) {
  const stream = createReadStream(path)
  return /\.gz$/i.test(path) ? stream.pipe(createGunzip()) : stream
}
