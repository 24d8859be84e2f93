import { describe, expect, it } from 'vitest'
import type { DedupRecord, InputRecord } from '../types.js'
import { runDedupPasses } from './dedup-passes.js'

const ARTICLE = [
  'The regional water board said on Monday that reservoir levels had fallen to a low.',
  'Farmers in the valley districts will be asked to cut irrigation by a fifth from May.',
  'Board chair Lena Osei said the cuts could be lifted early if the spring rains came.',
].join('\n')

function doc(id: string, text: string): InputRecord {
  return { kind: 'document', id, text, source: 'test.jsonl' }
}

describe('runDedupPasses', () => {
  it('streams one record per document to the sink, in input order', async () => {
    const input = [
      doc('a', ARTICLE),
      doc('b', 'Something else entirely, said nobody.'),
      doc('c', ARTICLE),
    ]
    async function* read() {
      yield* input
    }
    const seen: DedupRecord[] = []
    const summary = await runDedupPasses(read(), {}, {}, (record) => {
      seen.push(record)
    })
    expect(seen.map((record) => [record.id, record.cluster])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'a'],
    ])
    expect(summary.stats.documents).toBe(3)
    expect(summary.stats.index_bytes_per_document).toBeGreaterThan(0)
  })

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController()
    async function* read() {
      yield doc('a', ARTICLE)
      controller.abort()
      yield doc('b', ARTICLE)
    }
    const run = runDedupPasses(read(), {}, { signal: controller.signal }, () => undefined)
    await expect(run).rejects.toThrow(/abort/i)
  })

  it('refuses a temporary folder it cannot use, naming it', async () => {
    async function* read() {
      yield doc('a', ARTICLE)
    }
    const run = runDedupPasses(read(), { tempDir: '/nonexistent/winnow' }, {}, () => undefined)
    await expect(run).rejects.toThrow(/cannot make a temporary folder in \/nonexistent\/winnow/)
  })
})
