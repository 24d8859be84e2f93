import { describe, expect, it } from 'vitest'
import type { PageExecutor } from '../workers/page-pool.js'
import type { PageInput, PageTask, TaskResult } from '../workers/page-tasks.js'
import { createOrderedBatches } from './ordered-batches.js'

// An executor that records the batches it is sent and answers each page with nothing.
function recordingExecutor(): PageExecutor & { batches: PageTask[] } {
  const batches: PageTask[] = []
  return {
    batches,
    setup: async () => {},
    run: async (task) => {
      batches.push(task)
      return { stage: 'facts', pages: [] } satisfies TaskResult
    },
    concurrency: 4,
    close: async () => {},
  }
}

const htmlPage = (chars: number): PageInput => ({
  text: '',
  site: 'example.com',
  html: { kind: 'document', id: 'a', text: '', html: 'x'.repeat(chars), source: 'a.html' },
})

describe('createOrderedBatches', () => {
  it('sends a batch once its pages hold enough text', async () => {
    const executor = recordingExecutor()
    const batches = createOrderedBatches<number>(executor, 'final', () => {})
    for (let i = 0; i < 3; i++) await batches.add(i, { text: 'y'.repeat(100_000), site: '' })
    await batches.finish()
    expect(executor.batches.map((batch) => batch.pages.length)).toEqual([3])
    const small = recordingExecutor()
    const smallBatches = createOrderedBatches<number>(small, 'final', () => {})
    for (let i = 0; i < 100; i++) await smallBatches.add(i, { text: 'short page', site: '' })
    await smallBatches.finish()
    expect(small.batches.map((batch) => batch.pages.length)).toEqual([64, 36])
  })

  it('counts the HTML of pages still to be extracted, whose text is empty', async () => {
    const executor = recordingExecutor()
    const batches = createOrderedBatches<number>(executor, 'facts', () => {})
    for (let i = 0; i < 6; i++) await batches.add(i, htmlPage(100_000))
    await batches.finish()
    expect(executor.batches.map((batch) => batch.pages.length)).toEqual([3, 3])
  })
})
