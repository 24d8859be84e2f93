import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSyntheticCorpus } from '../../test/synthetic-corpus.js'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-options.js'
import { createOnlineIndex, type OnlineDocument } from '../pipeline/online-index.js'
import { openIndex } from '../pipeline/open-index.js'
import { startCheckThreads } from './check-threads.js'
import { HttpError } from './http-error.js'

const dir = mkdtempSync(join(tmpdir(), 'winnow-check-threads-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let pages: OnlineDocument[] = []

beforeAll(() => {
  const corpus = join(dir, 'crawl.jsonl')
  writeSyntheticCorpus(corpus, 300)
  pages = readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const { id, url, text } = JSON.parse(line) as { id: string; url: string; text: string }
      return { id, url, text }
    })
}, 60_000)

describe('check threads', () => {
  it('answer as the writer would, following the statistics of what it adds', async () => {
    const path = join(dir, 'index.db')
    // As `winnow serve` runs them: the writer's filter of band keys is shared with the threads.
    const store = await openIndex({ path, create: DEFAULT_DEDUP_OPTIONS, bandFilter: 'build' })
    const shared = store.bandFilter
    expect(shared).toBeDefined()
    const threads = await startCheckThreads({ path, ...(shared && { bandFilter: shared }) }, 2)
    // Started at the same moment but never told what is added: its statistics stay empty.
    const stale = await startCheckThreads({ path }, 1)
    try {
      const writer = await createOnlineIndex(store, { onCounted: (facts) => threads.learn(facts) })
      const added = pages.slice(0, 200)
      for (let at = 0; at < added.length; at += 50) await writer.add(added.slice(at, at + 50))

      let staleDiffers = 0
      for (const page of pages.slice(200)) {
        const expected = await writer.check(page)
        expect(await threads.check(page)).toEqual(expected)
        if (JSON.stringify(await stale.check(page)) !== JSON.stringify(expected)) staleDiffers++
      }
      // The statistics change answers, so the equality above depends on the threads learning.
      expect(staleDiffers).toBeGreaterThan(0)
      // Documents the writer added are seen by the threads.
      expect(await threads.check(pages[0] as OnlineDocument)).toMatchObject({
        status: 'already_seen',
      })
    } finally {
      await threads.close()
      await stale.close()
      await store.close()
    }
  }, 60_000)

  it('answer a page with no article as the client’s error, and 503 or fail plainly when stopped', async () => {
    const path = join(dir, 'empty.db')
    const store = await openIndex({ path, create: DEFAULT_DEDUP_OPTIONS })
    const threads = await startCheckThreads({ path }, 1)
    try {
      const refused = threads.check({ id: 'deep-page', html: '<div>'.repeat(10_000) })
      await expect(refused).rejects.toBeInstanceOf(HttpError)
      await expect(refused).rejects.toMatchObject({
        status: 422,
        message: 'deep-page: elements nested over 5000 deep',
      })
      // A check still running when the threads stop is answered 503.
      const cut = expect(
        threads.check({ id: 'cut', text: 'Oil prices rose on Monday.' }),
      ).rejects.toMatchObject({ status: 503 })
      await threads.close()
      await cut
    } finally {
      await threads.close()
      await store.close()
    }
    await expect(threads.check({ id: 'late', text: 'Oil rose.' })).rejects.toThrow(
      /every check thread has stopped/,
    )
  })

  it('refuses to start over a missing index, naming it', async () => {
    await expect(startCheckThreads({ path: join(dir, 'missing.db') }, 1)).rejects.toThrow(
      /missing\.db: no index there/,
    )
  })
})
