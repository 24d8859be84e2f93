import { describe, expect, it } from 'vitest'
import { parseDedupLine } from './parse-dedup-line.js'

const line = (value: unknown) => parseDedupLine(JSON.stringify(value), 'out.jsonl', 4)
const base = {
  id: 'b',
  cluster: 'a',
  canonical: false,
  duplicate_of: 'a',
  similarity: 0.9,
  reason: 'near',
  text: 'Hi',
}

describe('parseDedupLine', () => {
  it('reads a record with its explanation and removed lines', () => {
    const record = line({
      ...base,
      url: 'https://x.org/b',
      explain: { matched_with: 'a', jaccard: 0.9, containment: 0.95, threshold: 0.5 },
      removed: [{ line: 0, text: 'Menu', rule: 'template' }, { bad: true }],
    })
    expect(record).toMatchObject({ ...base, url: 'https://x.org/b' })
    expect(record).toHaveProperty('explain.matched_with', 'a')
    expect(record).toHaveProperty('explain.containment_threshold', 0)
    expect(record).toHaveProperty('removed', [{ line: 0, text: 'Menu', rule: 'template' }])
  })

  it('leaves explain and removed out when the run did not write them', () => {
    const record = line(base)
    expect(record).not.toHaveProperty('explain')
    expect(record).not.toHaveProperty('removed')
  })

  it('turns a line that is not a record into a reject naming the line', () => {
    expect(parseDedupLine('{"id": ', 'out.jsonl', 4)).toMatchObject({
      kind: 'reject',
      source: 'out.jsonl',
      line: 4,
      code: 'malformed_json',
    })
    expect(line([1])).toMatchObject({ code: 'not_an_object' })
    expect(line({ ...base, id: '' })).toMatchObject({ code: 'missing_id' })
    expect(line({ ...base, text: 3 })).toMatchObject({ code: 'missing_text' })
    // An input page rather than dedup output: the reason says what is missing.
    expect(line({ id: 'x', text: 'page' })).toMatchObject({
      reason: 'field "cluster" is missing: is this winnow dedup output?',
    })
  })
})
