// Run the per-page work on worker threads, or in-process: one interface for both.
import { builtEntryPath } from './entry-path.js'
import type { WorkerReply, WorkerRequest } from './messages.js'
import {
  createPageWorker,
  pageChars,
  type PageTask,
  type TaskResult,
  type TaskSetup,
} from './page-tasks.js'
import { startThreadPool, type WithoutId } from './thread-pool.js'

/** Where the per-page work runs. */
export interface PageExecutor {
  /** Send a stage's setup to every worker; resolves when all have built their tables. */
  setup(setup: TaskSetup): Promise<void>
  run(task: PageTask): Promise<TaskResult>
  /** Tasks that may usefully be in flight at once. */
  readonly concurrency: number
  close(): Promise<void>
}

/**
 * The per-page work on the calling thread: the reference, and the choice for one core.
 *
 * @example
 * const executor = createInProcessExecutor()
 */
export function createInProcessExecutor(): PageExecutor {
  const work = createPageWorker()
  return {
    setup: async (setup) => work.setup(setup),
    run: async (task) => work.run(task),
    concurrency: 1,
    close: async () => {},
  }
}

/**
 * Start `size` worker threads. Tasks go to the worker with the fewest in flight. A worker that
 * dies fails its pending tasks with its error.
 *
 * @example
 * const pool = createWorkerPool(2)
 * await pool.setup(setup)
 * const result = await pool.run({ stage: 'final', pages })
 * await pool.close()
 */
export function createWorkerPool(size: number): PageExecutor {
  const threads = startThreadPool<WorkerRequest, WorkerReply>({
    path: builtEntryPath(import.meta.url, 'workers', 'page-worker-entry.js'),
    size,
    name: 'worker thread',
  })
  const send = async (message: WithoutId<WorkerRequest>, thread?: number) => {
    const { reply, thread: from } = await threads.request(message, thread)
    if (reply.kind === 'error') throw new Error(`worker thread ${from}: ${reply.message}`)
    return { reply, from }
  }

  return {
    async setup(setup) {
      const each = Array.from({ length: size }, (_, thread) =>
        send({ kind: 'setup', setup }, thread),
      )
      await Promise.all(each)
    },
    async run(task) {
      const { reply, from } = await send({ kind: 'task', task })
      if (reply.kind !== 'result') throw new Error(`worker thread ${from} answered ${reply.kind}`)
      return reply.result
    },
    concurrency: size * 2,
    close: () => threads.close(new Error('the worker threads were closed')),
  }
}

/**
 * Worker threads only once the input proves large: the first `thresholdChars` characters of
 * pages (of their HTML, for pages still to be extracted) are worked on in-process, and only then
 * is a pool of `size` threads started (with the current stage's setup). Small runs, the common
 * case in tests and quick checks, never pay for starting threads; results are the same either
 * way.
 *
 * @example
 * const executor = createAdaptiveExecutor(2, 1_000_000)
 */
export function createAdaptiveExecutor(size: number, thresholdChars: number): PageExecutor {
  const local = createInProcessExecutor()
  let pool: PageExecutor | undefined
  let current: TaskSetup | undefined
  let chars = 0
  return {
    async setup(setup) {
      current = setup
      await (pool ?? local).setup(setup)
    },
    async run(task) {
      if (pool === undefined) {
        for (const page of task.pages) chars += pageChars(page)
        if (chars <= thresholdChars) return local.run(task)
        pool = createWorkerPool(size)
        if (current !== undefined) await pool.setup(current)
      }
      return pool.run(task)
    },
    get concurrency() {
      return pool?.concurrency ?? size * 2
    },
    async close() {
      await pool?.close()
    },
  }
}
