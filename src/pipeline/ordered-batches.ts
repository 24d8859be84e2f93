// Send pages to the executor in batches, several in flight, and take the results back in order.
import type { PageExecutor } from '../workers/page-pool.js'
import { pageChars, type PageInput, type PageTask, type TaskResult } from '../workers/page-tasks.js'

/**
 * A batch is sent when it holds this many pages or this many characters (of HTML, for pages
 * still to be extracted), whichever comes first.
 */
const BATCH_PAGES = 64
const BATCH_CHARS = 256 * 1024

/** Feeds pages to one stage of the per-page work. */
export interface OrderedBatches<T> {
  /** Queue an item; waits while as many batches as the executor can use are in flight. */
  add(item: T, page: PageInput): Promise<void>
  /** Send the last batch and wait for every result. */
  finish(): Promise<void>
}

/**
 * Create a feeder for `stage`. `onResult` gets each batch's items with their results strictly in
 * input order, however the workers finish (the next batch waits while a returned promise
 * settles). An error from a worker rejects the `add` or `finish`
 * that waits on it, so it reaches the run's caller.
 *
 * @example
 * const batches = createOrderedBatches(executor, 'final', (docs, result) => …)
 * for await (const doc of documents) await batches.add(doc, { text: doc.text, site: siteOf(doc) })
 * await batches.finish()
 */
export function createOrderedBatches<T>(
  executor: PageExecutor,
  stage: PageTask['stage'],
  onResult: (items: T[], result: TaskResult) => void | Promise<void>,
): OrderedBatches<T> {
  const inFlight: { items: T[]; result: Promise<TaskResult> }[] = []
  let items: T[] = []
  let pages: PageInput[] = []
  let chars = 0

  const takeOldest = async () => {
    const oldest = inFlight.shift()
    if (oldest !== undefined) await onResult(oldest.items, await oldest.result)
  }
  const send = () => {
    if (items.length === 0) return
    const result = executor.run({ stage, pages })
    // Rejections are awaited in order by takeOldest; this only keeps them from being unhandled.
    result.catch(() => {})
    inFlight.push({ items, result })
    items = []
    pages = []
    chars = 0
  }

  return {
    async add(item, page) {
      items.push(item)
      pages.push(page)
      chars += pageChars(page)
      if (items.length < BATCH_PAGES && chars < BATCH_CHARS) return
      send()
      while (inFlight.length >= executor.concurrency) await takeOldest()
    },
    async finish() {
      send()
      while (inFlight.length > 0) await takeOldest()
    },
  }
}
