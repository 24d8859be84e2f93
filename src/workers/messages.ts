// Messages between a run and its worker threads.
import type { PageTask, TaskResult, TaskSetup } from './page-tasks.js'

/** From the run to a worker. */
export type WorkerRequest =
  { id: number; kind: 'setup'; setup: TaskSetup } | { id: number; kind: 'task'; task: PageTask }

/** From a worker back to the run, answering the request with the same id. */
export type WorkerReply =
  | { id: number; kind: 'ready' }
  | { id: number; kind: 'result'; result: TaskResult }
  | { id: number; kind: 'error'; message: string }

/**
 * The buffers of a result's typed arrays, to move rather than copy them back to the run.
 *
 * @example
 * port.postMessage(reply, transferablesOf(result))
 */
export function transferablesOf(result: TaskResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>()
  const add = (array: { buffer: ArrayBufferLike } | undefined) => {
    if (array !== undefined && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer)
  }
  // Extracted pages are text and metadata only.
  if (result.stage === 'extract') return []
  for (const page of result.pages) {
    if ('reject' in page) continue
    if ('textHash' in page) {
      add(page.facts?.templateKeys)
      add(page.facts?.words)
      add(page.digest)
    } else {
      add(page.signature.bands)
      add(page.signature.set)
      add(page.signature.fingerprint)
      if ('proseHashes' in page) {
        add(page.proseHashes)
        add(page.followers)
      } else {
        add(page.facts?.templateKeys)
        add(page.facts?.words)
      }
    }
  }
  return [...buffers]
}
