// Checks on worker threads: each thread opens the index for reading and answers `/v1/check`,
// so that checks use every core while additions stay in one writer on the main thread.
import { builtEntryPath } from '../workers/entry-path.js'
import { startThreadPool } from '../workers/thread-pool.js'
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
  const starting = Array.from({ length: size }, () => settlable())
  const threads = startThreadPool<Extract<CheckRequest, { kind: 'check' }>, CheckReply>({
    path: builtEntryPath(import.meta.url, 'server', 'check-thread-entry.js'),
    size,
    workerData: index,
    name: 'check thread',
    onNotice(reply, thread) {
      if (reply.kind === 'ready') starting[thread]?.resolve()
      else if (reply.kind === 'failed') starting[thread]?.reject(new Error(reply.message))
    },
    onStop: (error, thread) => starting[thread]?.reject(error),
  })
  try {
    await Promise.all(starting.map(({ settled }) => settled))
  } catch (error) {
    await threads.close(error instanceof Error ? error : new Error(String(error)))
    throw error
  }

  return {
    size,
    async check(document) {
      const { reply, thread } = await threads.request({ kind: 'check', document })
      switch (reply.kind) {
        case 'verdict':
          return reply.verdict
        case 'unusable':
          throw new HttpError(422, reply.message)
        case 'error':
          throw new Error(`check thread ${thread}: ${reply.message}`)
        default:
          throw new Error(`check thread ${thread} answered ${reply.kind}`)
      }
    },
    learn(facts) {
      threads.broadcast({ kind: 'learn', facts } satisfies CheckRequest)
    },
    // A check still running when the service stops is answered, not logged as a failure.
    close: () => threads.close(new HttpError(503, 'the service is stopping')),
  }
}

// A promise with its settling functions at hand (Promise.withResolvers arrives with Node 22).
function settlable(): { settled: Promise<void>; resolve(): void; reject(error: Error): void } {
  let resolve = () => {}
  let reject: (error: Error) => void = () => {}
  const settled = new Promise<void>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { settled, resolve, reject }
}
