import { describe, expect, it } from 'vitest'
import { maxSubarray } from './find-body.js'
import { barSuffix, labelPrefix, sentenceShape, shapeKeyHash } from './line-affixes.js'
import { hashLines, NO_HASH } from './line-hashes.js'
import { measurePage, pageLines } from './page-lines.js'
import { hashString } from '../text/hash.js'
import { lineKey } from '../text/normalize.js'
import { comparisonTokens } from '../text/tokenize.js'
import { addWords, createVocabulary, mutualOverlap, topicOverlap } from './topic-overlap.js'

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

describe('measurePage', () => {
  // Printable ASCII and common typographic marks take a fast path; other lines the general one.
  // Both must give the words and keys of the general definitions.
  const lines = [
    'Oil  prices ROSE 3.5% on_Monday',
    '“Oil” prices rose — again… by 10\u00a0pct · © Ledger • 20° −1',
    'Café prices rose in Zürich',
    'Straße\u200Bnamen 東京で雨',
    'itʼs 10:30',
  ]
  it('gives each line the words and key the general definitions give', () => {
    for (const text of lines) {
      const { lines: measured, words } = measurePage(text)
      const [line] = measured
      expect(line?.key).toBe(lineKey(text))
      expect(line?.tokens.map((id) => words.hashes[id])).toEqual(
        comparisonTokens(text).map((word) => hashString(word)),
      )
    }
  })
  it("numbers a page's distinct words once, in order of first appearance", () => {
    const { lines: measured, words } = measurePage('Oil rose 5\nOIL fell, oil rose again')
    expect(measured.map((line) => line.tokens)).toEqual([
      [0, 1, 2],
      [0, 3, 0, 1, 4],
    ])
    expect([...words.numeric]).toEqual([0, 0, 1, 0, 0])
    expect([...words.lengths]).toEqual([3, 4, 1, 4, 5])
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
    // Words split at any Unicode space count, whatever starts them.
    expect(sentenceShape('Mara\u00a0in\u00a0a\u00a0photo')).toBe('N in a photo')
    expect(sentenceShape('Photo: été à la plage')).toBe('N: été à la plage')
  })
  it('hashes a shape as the template table counts it, without building it', () => {
    const lines = [
      "O'Neil & Co. of St.-Louis, in a 3-D photo from 2022.",
      'Mara  Vint at No.5 in a photo taken 10:30 am (file)',
      'Émile Zola, dans une photo de 2022 prise à Paris.',
      'Menu',
    ]
    for (const text of lines) {
      const shape = sentenceShape(text)
      expect(shapeKeyHash(text, 7)).toBe(
        shape === undefined ? undefined : hashString(`n ${shape}`, 7),
      )
    }
  })
  it('hashes every key a line is looked up under, with the site seed', () => {
    const seeded = (key: string) => hashString(key, 7)
    const hashes = hashLines(
      pageLines(
        'Read more: X | Site\nMara Vint, in a file photo from 2022.\nhttps://example.com/a\n' +
          'Oil prices rose on Monday after the cut.',
      ),
      7,
    )
    expect([...hashes.line]).toEqual(
      [
        'l read more: x | site',
        'l mara vint, in a file photo from 0000.',
        'l https://example.com/a',
        'l oil prices rose on monday after the cut.',
      ].map(seeded),
    )
    expect([...hashes.label]).toEqual([seeded('p read more'), NO_HASH, seeded('p https'), NO_HASH])
    expect([...hashes.suffix]).toEqual([seeded('s site'), NO_HASH, NO_HASH, NO_HASH])
    expect([...hashes.shape]).toEqual([
      NO_HASH,
      seeded('n N N, in a file photo from 0.'),
      NO_HASH,
      seeded('n N prices rose on N after the cut.'),
    ])
    expect([...hashes.link]).toEqual([0, 0, 1, 0])
    // Only prose lines carry their plain key hash (the shared-lines table's key).
    expect([...hashes.prose]).toEqual([
      NO_HASH,
      hashString('mara vint, in a file photo from 0000.'),
      NO_HASH,
      hashString('oil prices rose on monday after the cut.'),
    ])
    expect(hashes.seeded[3]).toBe(seeded('oil prices rose on monday after the cut.'))
  })
})

describe('topic overlap', () => {
  // Word numbers 0..4 stand for 'oil', 'prices', 'rose', 'gas', 'fell'.
  const ones = new Float64Array(5).fill(1)
  it('is the weighted share of a line found in the vocabulary', () => {
    expect(topicOverlap([[0, 1, 2]], Uint8Array.of(1, 1, 0, 0, 0), ones)).toBeCloseTo(2 / 3)
    const weights = Float64Array.of(3, 1, 1, 1, 1)
    expect(
      topicOverlap(
        [
          [0, 1],
          [2, 0],
        ],
        Uint8Array.of(1, 0, 0, 0, 0),
        weights,
      ),
    ).toBeCloseTo(3 / 5)
  })
  it('mutual overlap divides by the smaller bag', () => {
    const vocabulary = createVocabulary(5)
    addWords(vocabulary, [0, 3, 4, 0], ones)
    expect(vocabulary.weight).toBe(3)
    expect(mutualOverlap([[0, 2]], vocabulary, ones)).toBeCloseTo(1 / 2)
    const single = createVocabulary(5)
    addWords(single, [0], ones)
    expect(
      mutualOverlap(
        [
          [0, 1],
          [2, 3],
        ],
        single,
        ones,
      ),
    ).toBe(1)
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
