// The stderr formats scripts rely on: the summary line and `file:line: reason`.
import { describe, expect, it } from 'vitest'
import { formatReject, summaryLine } from './summary.js'

describe('summaryLine', () => {
  it('has the documented shape', () => {
    expect(
      summaryLine({
        documents: 9134,
        clusters: 3900,
        duplicates: 5234,
        exact_duplicates: 406,
        near_duplicates: 4828,
        rejected: 3,
        empty: 2,
        invalid_utf8: 1,
        seconds: 1.873,
        index_bytes_per_document: 40,
        temp_bytes_per_document: 1800,
      }),
    ).toBe(
      'winnow: 9134 documents, 3900 clusters, 5234 duplicates (406 exact, 4828 near), 3 rejected, 2 empty, 1.9 s',
    )
  })
})

describe('formatReject', () => {
  it('names the file and line when there is one', () => {
    const reject = { kind: 'reject', code: 'malformed_json', reason: 'malformed JSON' } as const
    expect(formatReject({ ...reject, source: 'in.jsonl', line: 2 })).toBe(
      'in.jsonl:2: malformed JSON',
    )
    expect(formatReject({ ...reject, source: 'page.bin' })).toBe('page.bin: malformed JSON')
  })
})
