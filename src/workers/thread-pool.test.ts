import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startThreadPool } from './thread-pool.js'

// A thread that says hello, echoes, holds a request forever, or exits with code 3.
const ENTRY = `
import { parentPort, threadId } from 'node:worker_threads'
parentPort.postMessage({ kind: 'hello' })
parentPort.on('message', (message) => {
  if (message.kind === 'echo') parentPort.postMessage({ id: message.id, kind: 'echo', value: message.value })
  if (message.kind === 'crash') process.exit(3)
})
`

type Request = { id: number; kind: 'echo'; value: number } | { id: number; kind: 'hold' | 'crash' }
type Reply = { id?: number; kind: string; value?: number }

describe('startThreadPool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-thread-pool-'))
  const path = join(dir, 'entry.mjs')
  writeFileSync(path, ENTRY)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('answers by id, spreads requests, and outlives a thread that stops', async () => {
    const notices: number[] = []
    const stops: number[] = []
    const pool = startThreadPool<Request, Reply>({
      path,
      size: 2,
      name: 'test thread',
      onNotice: (_, thread) => notices.push(thread),
      onStop: (_, thread) => stops.push(thread),
    })
    try {
      const echoed = await pool.request({ kind: 'echo', value: 7 }, 1)
      expect(echoed).toEqual({ reply: { id: 0, kind: 'echo', value: 7 }, thread: 1 })

      // Requests one at a time go round the threads.
      const turns = []
      for (let value = 0; value < 4; value++) {
        turns.push((await pool.request({ kind: 'echo', value })).thread)
      }
      expect(turns.sort()).toEqual([0, 0, 1, 1])

      // Thread 0 holds a request, so the next ones go to thread 1, the least loaded.
      const held = pool.request({ kind: 'hold' }, 0)
      expect((await pool.request({ kind: 'echo', value: 1 })).thread).toBe(1)
      expect((await pool.request({ kind: 'echo', value: 1 })).thread).toBe(1)

      // A thread that exits fails its own request and takes no more; the other goes on.
      await expect(pool.request({ kind: 'crash' }, 1)).rejects.toThrow(
        'test thread 1 stopped (exit code 3)',
      )
      expect(stops).toEqual([1])
      await expect(pool.request({ kind: 'echo', value: 2 }, 1)).rejects.toThrow('has stopped')
      expect((await pool.request({ kind: 'echo', value: 3 })).thread).toBe(0)
      expect(notices.sort()).toEqual([0, 1])

      // Closing fails what is still in flight with the reason given.
      const closing = pool.close(new Error('closed for the test'))
      await expect(held).rejects.toThrow('closed for the test')
      await closing
      await expect(pool.request({ kind: 'echo', value: 4 })).rejects.toThrow(
        'every test thread has stopped',
      )
    } finally {
      await pool.close(new Error('done'))
    }
  })
})
