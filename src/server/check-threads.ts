// Checks on worker threads: each thread opens the index for reading and answers `/v1/check`,
// so that checks use every core while additions stay in one writer on the main thread.
import { Worker } from 'node:worker_threads'
import { builtEntryPath } from '../workers/entry-path.js'
import type { PageFacts } from '../clean/corpus-stats.js'
import type { OpenIndexOptions } from '../pipeline/open-index.js'
import type { OnlineDocument } from '../pipeline/online-index.js'
import type { IndexVerdict } from '../store/index-store.js'
import { HttpError } from './http-error.js'

/** From the service to a check thread. */
export type CheckRequest =
  | { kind: 'check'; id: number; document: OnlineDocument }
  | { kind: 'learn'; facts: readonly PageFacts[] }

/** From a check thread back to the service. */
export type CheckReply =
  | { kind: 'ready' }
  | { kind: 'failed'; message: string }
  | { kind: 'verdict'; id: number; verdict: IndexVerdict }
  /** The page could not be used (an HTML page with no article): the client's 422. */
  | { kind: 'unusable'; id: number; message: string }
  | { kind: 'error'; id: number; message: string }

/** Checks answered on worker threads. */
export interface CheckThreads {
  readonly size: number
  check(document: OnlineDocument): Promise<IndexVerdict>
  /** Count pages the writer added in every thread's statistics, before any later check. */
  learn(facts: readonly PageFacts[]): void
  close(): Promise<void>
}

interface Pending {
  resolve(verdict: IndexVerdict): void
  reject(error: Error): void
}

/**
 * Start `size` threads over the index and wait until each has opened it and loaded its
 * statistics. Start them before the writer adds anything: each thread's statistics begin as the
 * index holds them, and from then on follow {@link CheckThreads.learn}.
 *
 * @example
 * const threads = await startCheckThreads({ path: 'corpus.db' }, 2)
 * const verdict = await threads.check({ id: 'a', text: 'Oil prices rose on Monday.' })
 */
export async function startCheckThreads(
  index: OpenIndexOptions,
  size: number,
): Promise<CheckThreads> {
  const path = builtEntryPath(import.meta.url, 'server', 'check-thread-entry.js')
  const pending = new Map<number, Pending>()
  const inFlight = new Array<number>(size).fill(0)
  const alive = new Array<boolean>(size).fill(true)
  let nextId = 0

  const workers = Array.from({ length: size }, () => new Worker(path, { workerData: index }))
  const owner = new Map<number, number>()

  const settle = (id: number, done: (request: Pending) => void) => {
    const request = pending.get(id)
    const thread = owner.get(id)
    pending.delete(id)
    owner.delete(id)
    if (thread !== undefined) inFlight[thread] = (inFlight[thread] ?? 1) - 1
    if (request !== undefined) done(request)
  }

  const ready = workers.map(
    (worker, thread) =>
      new Promise<void>((resolve, reject) => {
        worker.on('message', (reply: CheckReply) => {
          switch (reply.kind) {
            case 'ready':
              return resolve()
            case 'failed':
              return reject(new Error(reply.message))
            case 'verdict':
              return settle(reply.id, (request) => request.resolve(reply.verdict))
            case 'unusable':
              return settle(reply.id, (request) =>
                request.reject(new HttpError(422, reply.message)),
              )
            case 'error':
              return settle(reply.id, (request) =>
                request.reject(new Error(`check thread ${thread}: ${reply.message}`)),
              )
          }
        })
        const stop = (error: Error) => {
          alive[thread] = false
          reject(error)
          for (const [id, held] of owner) {
            if (held === thread) settle(id, (request) => request.reject(error))
          }
        }
        worker.on('error', stop)
        worker.on('exit', (code) => stop(new Error(`check thread ${thread} stopped (${code})`)))
      }),
  )
  try {
    await Promise.all(ready)
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()))
    throw error
  }

  return {
    size,
    check(document) {
      let thread = -1
      for (let i = 0; i < size; i++) {
        if (alive[i] && (thread < 0 || (inFlight[i] ?? 0) < (inFlight[thread] ?? 0))) thread = i
      }
      if (thread < 0) return Promise.reject(new Error('every check thread has stopped'))
      const id = nextId++
      return new Promise<IndexVerdict>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        owner.set(id, thread)
        inFlight[thread] = (inFlight[thread] ?? 0) + 1
        workers[thread]?.postMessage({ kind: 'check', id, document } satisfies CheckRequest)
      })
    },
    learn(facts) {
      for (let i = 0; i < size; i++) {
        if (alive[i]) workers[i]?.postMessage({ kind: 'learn', facts } satisfies CheckRequest)
      }
    },
    async close() {
      for (let i = 0; i < size; i++) alive[i] = false
      // A check still running when the service stops is answered, not logged as a failure.
      const stopping = new HttpError(503, 'the service is stopping')
      for (const id of [...pending.keys()]) settle(id, (request) => request.reject(stopping))
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
