import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dropRedisIndex } from '../store/redis-store.js'
import { entryOf } from '../store/store-contract.js'
import type { InputRecord } from '../types.js'
import { countIntoIndex } from './count-pages.js'
import { DEFAULT_DEDUP_OPTIONS } from './dedup-options.js'
import { openIndex } from './open-index.js'

const REDIS = process.env['WINNOW_TEST_REDIS'] ?? 'redis://127.0.0.1:6379'
const namespace = `count-${process.pid}-${Date.now().toString(36)}`
const dir = mkdtempSync(join(tmpdir(), 'winnow-count-'))
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await dropRedisIndex(REDIS, namespace)
})

const page = (id: string, text: string): InputRecord => ({
  kind: 'document',
  id,
  text,
  url: `https://news.example/${id}`,
  source: 'test',
})

async function* records(list: InputRecord[]): AsyncGenerator<InputRecord> {
  yield* list
}

const story = (n: number) =>
  `Menu\nStory ${n}: the council voted on the harbour plan after a long debate on Monday.`

describe('counting a job into the index', () => {
  it('counts each page once, once per name, and not the documents the index holds', async () => {
    const store = await openIndex({ path: REDIS, namespace, create: DEFAULT_DEDUP_OPTIONS })
    try {
      const count = (list: InputRecord[], name: string) =>
        countIntoIndex(records(list), store, name, { workers: 1, tempDir: dir }, {})
      // The recapture has the same text: counted once, as in a run.
      const job = [page('a', story(1)), page('a-again', story(1)), page('b', story(2))]
      expect(await count(job, 'job-1')).toMatchObject({ pages: 2, added: true })
      expect((await store.model()).pages).toBe(2)
      expect((await store.model()).sitePages).toEqual([['news.example', 2]])

      // A retried job changes nothing.
      expect(await count(job, 'job-1')).toMatchObject({ added: false })
      expect((await store.model()).pages).toBe(2)

      // Documents the index holds are not counted again under another job's name.
      await store.add([entryOf('held', story(3))])
      expect(await count([page('held', story(3)), page('c', story(4))], 'job-2')).toMatchObject({
        pages: 1,
        added: true,
      })
      expect((await store.model()).pages).toBe(3)
    } finally {
      await store.close()
    }
  })
})
