import { describe, expect, it } from 'vitest'
import { maxSubarray } from './find-body.js'
import { barSuffix, labelPrefix, sentenceShape, templateKeys } from './line-affixes.js'
import { pageLines } from './page-lines.js'
import { addWords, mutualOverlap, topicOverlap } from './topic-overlap.js'

describe('pageLines', () => {
  it('drops blank lines and numbers the rest', () => {
    const lines = pageLines('A\n\n  \nB\r\nC')
    expect(lines.map((line) => [line.index, line.text])).toEqual([
      [0, 'A'],
      [1, 'B'],
      [2, 'C'],
    ])
  })
  it('calls sentences prose and headings not', () => {
    const [heading, capitals, sentence, long] = pageLines(
      'Ferry terminal opens\nFERRY TERMINAL TO OPEN IN MAY AFTER STORMS DELAYED THE WORK ON THE PIER.\nThe terminal opens in May.\n' +
        'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty',
    )
    expect([heading?.prose, capitals?.prose, sentence?.prose, long?.prose]).toEqual([
      false,
      false,
      true,
      true,
    ])
  })
})

describe('line affixes', () => {
  it('finds short labels before a colon', () => {
    expect(labelPrefix('read more: ferry opens')).toBe('read more')
    expect(labelPrefix('the harbor board of the town said: no')).toBeUndefined()
    expect(labelPrefix('updated 10:30')).toBeUndefined()
  })
  it('finds short suffixes after a bar', () => {
    expect(barSuffix('ferry opens | morning coast')).toBe('morning coast')
    expect(barSuffix('no bar here')).toBeUndefined()
  })
  it('masks names and digits in a sentence shape', () => {
    expect(sentenceShape('Mara Vint, in a file photo from 2022.')).toBe(
      'N N, in a file photo from 0.',
    )
    expect(sentenceShape('Mara Vint')).toBeUndefined()
  })
  it('lists every key a line is counted under', () => {
    expect(templateKeys('read more: x | site', 'Read more: X | Site')).toEqual([
      'l read more: x | site',
      'p read more',
      's site',
    ])
  })
})

describe('topic overlap', () => {
  const one = () => 1
  it('is the weighted share of a line found in the vocabulary', () => {
    expect(topicOverlap(['oil', 'prices', 'rose'], new Set(['oil', 'prices']), one)).toBeCloseTo(
      2 / 3,
    )
  })
  it('mutual overlap divides by the smaller bag', () => {
    const vocabulary = { words: new Set<string>(), weight: 0 }
    addWords(vocabulary, ['oil', 'gas', 'fell', 'oil'], one)
    expect(vocabulary.weight).toBe(3)
    expect(mutualOverlap(['oil', 'rose'], vocabulary, one)).toBeCloseTo(1 / 2)
    const single = { words: new Set<string>(), weight: 0 }
    addWords(single, ['a'], one)
    expect(mutualOverlap(['a', 'b', 'c', 'd'], single, one)).toBe(1)
  })
})

describe('maxSubarray', () => {
  it('finds the highest-scoring run', () => {
    expect(maxSubarray([-5, 10, -2, 8, -30, 7])).toEqual({ start: 1, end: 3 })
  })
  it('is undefined when nothing scores above zero', () => {
    expect(maxSubarray([-1, 0, -3])).toBeUndefined()
  })
})

describe('sentenceShape on ASCII and other text', () => {
  it('masks names and digits alike in both', () => {
    expect(sentenceShape('Outboard Marine, in a file photo from 2022.')).toBe(
      'N N, in a file photo from 0.',
    )
    expect(sentenceShape('Émile Zola, dans une photo de 2022 prise à Paris.')).toBe(
      'N N, dans une photo de 0 prise à N',
    )
    expect(sentenceShape('"McDonald\'s" staff at the 3rd annual fair in town')).toBe(
      '"N" staff at the 0rd annual fair in town',
    )
  })
})
