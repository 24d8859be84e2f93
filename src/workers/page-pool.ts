// Run the per-page work on worker threads, or in-process: one interface for both.
import { Worker } from 'node:worker_threads'
import { builtEntryPath } from './entry-path.js'
import type { WorkerReply, WorkerRequest } from './messages.js'
import { createPageWorker, type PageTask, type TaskResult, type TaskSetup } from './page-tasks.js'

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

interface Pending {
  resolve(reply: WorkerReply): void
  reject(error: Error): void
}

/**
 * Start `size` worker threads. Tasks go to the worker with the fewest in flight; each answer
 * finds its request by id. A worker that dies fails every pending request with its error.
 *
 * @example
 * const pool = createWorkerPool(2)
 * await pool.setup(setup)
 * const result = await pool.run({ stage: 'final', pages })
 * await pool.close()
 */
export function createWorkerPool(size: number): PageExecutor {
  const path = builtEntryPath(import.meta.url, 'workers', 'page-worker-entry.js')
  const pending = new Map<number, Pending>()
  const inFlight = new Array<number>(size).fill(0)
  let nextId = 0
  let failure: Error | undefined

  const workers = Array.from({ length: size }, (_, index) => {
    const worker = new Worker(path)
    worker.on('message', (reply: WorkerReply) => {
      const request = pending.get(reply.id)
      pending.delete(reply.id)
      inFlight[index] = (inFlight[index] ?? 1) - 1
      request?.resolve(reply)
    })
    const fail = (error: Error) => {
      failure ??= error
      for (const request of pending.values()) request.reject(error)
      pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`worker thread ${index} stopped with exit code ${code}`))
    })
    return worker
  })

  function send(index: number, request: WorkerRequest): Promise<WorkerReply> {
    if (failure !== undefined) return Promise.reject(failure)
    return new Promise((resolve, reject) => {
      pending.set(request.id, { resolve, reject })
      inFlight[index] = (inFlight[index] ?? 0) + 1
      workers[index]?.postMessage(request)
    }).then((reply) => {
      const answer = reply as WorkerReply
      if (answer.kind === 'error') throw new Error(`worker thread ${index}: ${answer.message}`)
      return answer
    })
  }

  return {
    async setup(setup) {
      await Promise.all(workers.map((_, i) => send(i, { id: nextId++, kind: 'setup', setup })))
    },
    async run(task) {
      let index = 0
      for (let i = 1; i < size; i++) if ((inFlight[i] ?? 0) < (inFlight[index] ?? 0)) index = i
      const reply = await send(index, { id: nextId++, kind: 'task', task })
      if (reply.kind !== 'result') throw new Error(`worker thread ${index} answered ${reply.kind}`)
      return reply.result
    },
    concurrency: size * 2,
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}

/**
 * Worker threads only once the input proves large: the first `thresholdChars` characters of
 * pages are worked on in-process, and only then is a pool of `size` threads started (with the
 * current stage's setup). Small runs, the common case in tests and quick checks, never pay for
 * starting threads; results are the same either way.
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
        for (const page of task.pages) chars += page.text.length
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
