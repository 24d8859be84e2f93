// Small dedup records for the report's tests: a two-copy cluster and a page alone.
import type { DedupRecord } from '../src/types.js'

/**
 * Records as `winnow dedup --explain --removed` writes them.
 *
 * @example
 * summarizeRun(testRecords()).clusters // 2
 */
export function testRecords(): DedupRecord[] {
  const explain = (matched: string | null, jaccard: number) => ({
    matched_with: matched,
    jaccard,
    containment: jaccard,
    threshold: 0.5,
    containment_threshold: 0.85,
  })
  return [
    {
      id: 'a',
      url: 'https://www.example.com/a',
      cluster: 'a',
      canonical: true,
      duplicate_of: null,
      similarity: 1,
      reason: null,
      text: 'Ferry approved\nThe council voted for a night ferry.',
      explain: explain(null, 1),
      removed: [{ line: 0, text: 'Menu', rule: 'template' }],
    },
    {
      id: 'b',
      url: 'https://news.example.org/b',
      cluster: 'a',
      canonical: false,
      duplicate_of: 'a',
      similarity: 0.8,
      reason: 'near',
      text: 'Ferry approved\nThe council voted for a night ferry service.',
      explain: explain('a', 0.8),
      removed: [{ line: 2, text: 'More from the site', rule: 'after_article' }],
    },
    {
      id: 'c',
      url: 'https://example.com/c',
      cluster: 'c',
      canonical: true,
      duplicate_of: null,
      similarity: 1,
      reason: null,
      text: 'Cannery to reopen',
      explain: explain(null, 1),
      removed: [{ line: 1, text: 'Menu', rule: 'template' }],
    },
  ]
}

/**
 * The same records as a run without `--explain` and `--removed` writes them.
 *
 * @example
 * summarizeRun(plainRecords()).hasRemoved // false
 */
export function plainRecords(): DedupRecord[] {
  return testRecords().map((record) => {
    const copy = { ...record }
    delete copy.explain
    delete copy.removed
    return copy
  })
}
