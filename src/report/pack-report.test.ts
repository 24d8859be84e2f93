import { describe, expect, it } from 'vitest'
import type { DedupRecord } from '../types.js'
import { testRecords } from '../../test/report-records.js'
import { packReport } from './pack-report.js'

describe('packReport', () => {
  it('lists clusters largest first, canonical first, with per-document columns', () => {
    const { meta } = packReport(testRecords(), { source: 'out.jsonl' })
    expect(meta.clusters).toEqual([[0, 1], [2]])
    expect(meta.ids).toEqual(['a', 'b', 'c'])
    expect(meta.reason).toEqual([0, 2, 0])
    expect(meta.similarity).toEqual([1000, 800, 1000])
    expect(meta.matched).toEqual([-1, 0, -1])
    expect(meta.sites).toEqual(['example.com', 'news.example.org'])
    expect(meta.site).toEqual([0, 1, 0])
    expect(meta.rules).toEqual(['template', 'after_article'])
    expect(meta).toMatchObject({ hasRemoved: true, hasExplain: true, chunks: 1 })
  })

  it('stores each distinct line of a chunk once', () => {
    const { chunk } = packReport(testRecords(), { source: 'out.jsonl' })
    const { lines, kept, removed, docs } = chunk(0)
    expect(docs).toEqual([0, 1, 2])
    expect(lines.filter((line) => line === 'Ferry approved')).toHaveLength(1)
    expect(lines.filter((line) => line === 'Menu')).toHaveLength(1)
    expect(kept[1]?.map((i) => lines[i])).toEqual([
      'Ferry approved',
      'The council voted for a night ferry service.',
    ])
    expect(removed[1]).toEqual([2, lines.indexOf('More from the site'), 1])
  })

  it('never splits a cluster between chunks', () => {
    const records: DedupRecord[] = []
    for (let i = 0; i < 7; i++) {
      const cluster = `c${Math.floor(i / 3)}`
      records.push({
        id: `d${i}`,
        cluster,
        canonical: i % 3 === 0,
        duplicate_of: null,
        similarity: 1,
        reason: i % 3 === 0 ? null : 'exact',
        text: `text ${i}`,
      })
    }
    records[0]!.cluster = 'd0'
    records[1]!.cluster = 'd0'
    records[2]!.cluster = 'd0'
    const { meta } = packReport(records, { source: 'x', chunkSize: 2 })
    for (const docs of meta.clusters) {
      expect(new Set(docs.map((d) => meta.chunk[d])).size).toBe(1)
    }
    expect(meta.chunks).toBe(3)
    expect(meta.hasRemoved).toBe(false)
    expect(meta.removedShare).toEqual(new Array(7).fill(-1))
  })

  it('keeps a cluster whose canonical record is missing', () => {
    const [, copy] = testRecords()
    const { meta } = packReport([copy!], { source: 'x' })
    expect(meta.clusters).toEqual([[0]])
  })
})
