// Worker threads that answer requests by id: the bookkeeping shared by the page pool and the
// check threads (pending requests, the least-loaded thread, failing a stopped thread's requests).
import { Worker } from 'node:worker_threads'

/** A request as the caller gives it: the pool adds the id its answer will carry. */
export type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

/** A thread's reply to one request, and which thread gave it. */
export interface Answer<Reply> {
  reply: Reply
  thread: number
}

/** Options of {@link startThreadPool}. */
export interface ThreadPoolOptions<Reply> {
  /** The worker entry file (see `builtEntryPath`). */
  path: string
  size: number
  workerData?: unknown
  /** What a thread is called in errors: "worker thread", "check thread". */
  name: string
  /** A message that answers no request in flight, such as a thread reporting it is ready. */
  onNotice?: (message: Reply, thread: number) => void
  /** A thread stopped (an uncaught error, or an exit before the pool was closed). */
  onStop?: (error: Error, thread: number) => void
}

/** Threads answering requests; a message that carries a request's id answers it. */
export interface ThreadPool<Request extends { id: number }, Reply> {
  readonly size: number
  /**
   * Send a request to the live thread with the fewest in flight, or to `thread`. Rejects when
   * that thread stops before answering.
   */
  request(message: WithoutId<Request>, thread?: number): Promise<Answer<Reply>>
  /** Send every live thread a message that gets no answer, in order with its requests. */
  broadcast(message: unknown): void
  /** Reject every request in flight with `reason`, then stop the threads. */
  close(reason: Error): Promise<void>
}

interface Pending<Reply> {
  thread: number
  resolve(answer: Answer<Reply>): void
  reject(error: Error): void
}

/**
 * Start `size` threads on one entry file.
 *
 * @example
 * const pool = startThreadPool<WorkerRequest, WorkerReply>({ path, size: 2, name: 'worker thread' })
 * const { reply } = await pool.request({ kind: 'task', task })
 */
export function startThreadPool<Request extends { id: number }, Reply>(
  options: ThreadPoolOptions<Reply>,
): ThreadPool<Request, Reply> {
  const { size, name } = options
  const pending = new Map<number, Pending<Reply>>()
  const inFlight = new Array<number>(size).fill(0)
  const alive = new Array<boolean>(size).fill(true)
  let nextId = 0
  let closing = false

  const take = (id: number): Pending<Reply> | undefined => {
    const request = pending.get(id)
    if (request === undefined) return undefined
    pending.delete(id)
    inFlight[request.thread] = (inFlight[request.thread] ?? 1) - 1
    return request
  }
  const stop = (error: Error, thread: number) => {
    if (!alive[thread]) return
    alive[thread] = false
    for (const [id, request] of pending) if (request.thread === thread) take(id)?.reject(error)
    options.onStop?.(error, thread)
  }

  const workers = Array.from({ length: size }, (_, thread) => {
    const worker = new Worker(options.path, { workerData: options.workerData })
    worker.on('message', (message: Reply) => {
      const id = (message as { id?: unknown }).id
      const request = typeof id === 'number' ? take(id) : undefined
      if (request === undefined) options.onNotice?.(message, thread)
      else request.resolve({ reply: message, thread })
    })
    worker.on('error', (error) => stop(error, thread))
    worker.on('exit', (code) => {
      if (!closing) stop(new Error(`${name} ${thread} stopped (exit code ${code})`), thread)
    })
    return worker
  })

  // Ties go round the threads in turn, so that light traffic (one request at a time) still
  // reaches every thread: each warms up (compiled code, page cache) before heavy traffic comes.
  let turn = 0
  const leastLoaded = () => {
    let best = -1
    for (let k = 0; k < size; k++) {
      const i = (turn + k) % size
      if (alive[i] && (best < 0 || (inFlight[i] ?? 0) < (inFlight[best] ?? 0))) best = i
    }
    turn = (turn + 1) % size
    return best
  }

  return {
    size,
    request(message, thread = leastLoaded()) {
      if (thread < 0) return Promise.reject(new Error(`every ${name} has stopped`))
      if (!alive[thread]) return Promise.reject(new Error(`${name} ${thread} has stopped`))
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { thread, resolve, reject })
        inFlight[thread] = (inFlight[thread] ?? 0) + 1
        workers[thread]?.postMessage({ ...message, id })
      })
    },
    broadcast(message) {
      workers.forEach((worker, thread) => {
        if (alive[thread]) worker.postMessage(message)
      })
    },
    async close(reason) {
      closing = true
      alive.fill(false)
      for (const id of [...pending.keys()]) take(id)?.reject(reason)
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
