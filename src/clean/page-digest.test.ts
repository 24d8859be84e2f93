import { describe, expect, it } from 'vitest'
import { hashString } from '../text/hash.js'
import { cleanLines } from './clean-page.js'
import { createCorpusStats } from './corpus-stats.js'
import { lineHashesOf } from './line-hashes.js'
import { decodePage, encodePage } from './page-digest.js'
import { measurePage } from './page-lines.js'

// Lines of every kind the measuring tells apart: ASCII and typographic prose, other scripts,
// padding, carriage returns, blank and invisible-only lines, links, labels, a browser title.
const PAGE = [
  '  Home | News | Sport  ',
  '',
  'Oil Prices Rise | The Daily Ledger\r',
  'Oil Prices Rise',
  '\u200b',
  '\tBy Mara Vint, in a file photo from 2022.',
  'Oil prices rose on Monday after producers agreed to cut output for a third month.\r\n' +
    '“Supplies are tight,” said an analyst in Zürich — prices rose 5% … again.',
  'Ölpreise stiegen am Montag, nachdem die Förderländer eine Kürzung beschlossen hatten.',
  'Read more: https://example.com/oil',
  'https://example.com/oil',
  '石油価格は月曜日に上昇した。',
  '“Supplies are tight,” said an analyst in Zürich — prices rose 5% … again.',
].join('\n')

describe('page digests', () => {
  it('give back the page as measured, with its line hashes', () => {
    const measured = measurePage(PAGE)
    const hashes = lineHashesOf(measured, hashString('example.com'))
    const decoded = decodePage(PAGE, encodePage(measured))
    expect(decoded.lines.map((line) => ({ ...line, key: line.key }))).toEqual(
      measured.lines.map((line) => ({ ...line })),
    )
    expect(decoded.words).toEqual(measured.words)
    expect(decoded.hashes).toEqual(hashes)
  })

  it('clean a page exactly as measuring it again does', () => {
    const stats = createCorpusStats()
    for (let i = 0; i < 60; i++) stats.addPage('example.com', `Home | News | Sport\nStory ${i}.`)
    const context = stats.contextFor('example.com')
    const measured = measurePage(PAGE)
    lineHashesOf(measured, context.groupSeed)
    const digest = encodePage(measured)
    expect(cleanLines(decodePage(PAGE, digest), context)).toEqual(
      cleanLines(measurePage(PAGE), context),
    )
  })

  it('keep pages of any size: 16-bit word numbers, and wider ones past 65,536 words', () => {
    const longWord = 'x'.repeat(300)
    const huge = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}`).join(' ')
    for (const text of [
      `A ${longWord} line.\n${PAGE}`,
      `${huge}\nAnd a last line of prose here.`,
    ]) {
      const measured = measurePage(text)
      lineHashesOf(measured, 7)
      const decoded = decodePage(text, encodePage(measured))
      expect(decoded.lines.map((line) => line.tokens)).toEqual(
        measured.lines.map((line) => line.tokens),
      )
      expect(decoded.words.hashes).toEqual(measured.words.hashes)
      // Lengths past 255 read back as 255: cleaning only asks whether a word is short.
      expect([...decoded.words.lengths]).toEqual(
        [...measured.words.lengths].map((n) => Math.min(n, 255)),
      )
    }
  })

  it('are refused when cut short or made before the lines were hashed', () => {
    const measured = measurePage(PAGE)
    expect(() => encodePage(measured)).toThrow(/hashed/)
    lineHashesOf(measured, 7)
    const digest = encodePage(measured)
    expect(() => decodePage(PAGE, new Uint32Array(digest.slice(0, 10)))).toThrow(/bytes/)
  })
})

describe('measurePage', () => {
  it('knows where each line starts in the page', () => {
    for (const line of measurePage(PAGE).lines) {
      expect(PAGE.slice(line.start, line.start + line.text.length)).toBe(line.text)
    }
  })
})
