import { describe, expect, it } from 'vitest'
import { similarityBuckets, sizeBuckets } from './buckets.js'
import { keptChars, removedShare } from './removed-share.js'
import { NO_SITE, siteOf, summarizeRun } from './summarize-run.js'
import { plainRecords, testRecords } from '../../test/report-records.js'

describe('summarizeRun', () => {
  it('counts documents, clusters, duplicates and sites', () => {
    const summary = summarizeRun(testRecords(), [
      { kind: 'reject', source: 'in.jsonl', line: 3, code: 'malformed_json', reason: 'x' },
      { kind: 'reject', source: 'in.jsonl', line: 4, code: 'malformed_json', reason: 'x' },
      { kind: 'reject', source: 'b.bin', code: 'binary_file', reason: 'x' },
    ])
    expect(summary).toMatchObject({
      documents: 3,
      clusters: 2,
      sharedClusters: 1,
      largestCluster: 2,
      duplicates: 1,
      byReason: { exact: 0, near: 1, contained: 0 },
      hasRemoved: true,
      hasExplain: true,
    })
    expect(summary.rejects).toEqual([
      { code: 'malformed_json', count: 2 },
      { code: 'binary_file', count: 1 },
    ])
    expect(summary.sites.map((site) => [site.site, site.documents, site.duplicateRate])).toEqual([
      ['example.com', 2, 0],
      ['news.example.org', 1, 1],
    ])
    // example.com: a removes 4 of 4 + 50 characters, c removes 4 of 4 + 17.
    const share = summary.sites[0]?.removedShare
    expect(share?.low).toBeCloseTo(4 / 54)
    expect(share?.high).toBeCloseTo(4 / 21)
  })

  it('says what is missing rather than guessing', () => {
    const records = plainRecords()
    const summary = summarizeRun(records)
    expect(summary.rejects).toBeNull()
    expect(summary.hasRemoved).toBe(false)
    expect(summary.hasExplain).toBe(false)
    expect(summary.sites.every((site) => site.removedShare === null)).toBe(true)
  })

  it('gives records without a URL a site of their own', () => {
    expect(siteOf({})).toBe(NO_SITE)
    expect(siteOf({ url: 'https://WWW.Example.com/x' })).toBe('example.com')
  })
})

describe('removedShare', () => {
  it('is removed characters over removed plus kept, without line breaks', () => {
    expect(keptChars('ab\ncd')).toBe(4)
    expect(removedShare({ text: 'ab\ncd', removed: [{ text: 'xxxx' }] })).toBe(0.5)
    expect(removedShare({ text: '', removed: [] })).toBe(0)
    expect(removedShare({ text: 'ab' })).toBeNull()
  })
})

describe('buckets', () => {
  it('counts cluster sizes into labelled ranges', () => {
    const buckets = sizeBuckets([1, 1, 2, 5, 7, 150])
    expect(buckets.map((b) => b.label)).toEqual([
      '1',
      '2',
      '3',
      '4–5',
      '6–10',
      '11–20',
      '21–50',
      '51–100',
      '101+',
    ])
    expect(buckets.map((b) => b.count)).toEqual([2, 1, 0, 1, 1, 0, 0, 0, 1])
  })

  it('bins similarities from at most 0.5 up, with 1 in the last bin', () => {
    const buckets = similarityBuckets([1, 0.97, 0.62, 0.12], 10)
    expect(buckets[0]).toEqual({ label: '0.1', count: 1 })
    expect(buckets.at(-1)).toEqual({ label: '0.9', count: 2 })
    expect(similarityBuckets([0.99], 10).map((b) => b.label)).toEqual([
      '0.5',
      '0.6',
      '0.7',
      '0.8',
      '0.9',
    ])
  })
})
