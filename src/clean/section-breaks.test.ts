import { describe, expect, it } from 'vitest'
import { hashString } from '../text/hash.js'
import { lineKey } from '../text/normalize.js'
import { hashLines } from './line-hashes.js'
import { pageLines } from './page-lines.js'
import type { RemovalRule } from './removal-rules.js'
import { createSectionBreaks, sectionBreakKey } from './section-breaks.js'

const OWN = (n: number) =>
  `Paragraph ${n} of this page's own article says something only this page says, at length.`
const TEASER = (n: number) =>
  `Teaser lede number ${n} is a sentence from another article that other pages carry too.`

function page(n: number) {
  const text = [OWN(n), 'Advertisement', OWN(n + 100), 'More from the Coast', TEASER(n)].join('\n')
  const lines = pageLines(text)
  const marks: (RemovalRule | undefined)[] = lines.map((line) =>
    line.text === 'Advertisement' || line.text === 'More from the Coast' ? 'template' : undefined,
  )
  return { lines, hashes: hashLines(lines, hashString('coast.example')), marks }
}

// Other articles' pages carry the teasers.
const TEASER_KEYS = new Set(Array.from({ length: 10 }, (_, n) => hashString(lineKey(TEASER(n)))))
const sharedElsewhere = (keyHash: number) => TEASER_KEYS.has(keyHash)

describe('createSectionBreaks', () => {
  it('tells a heading followed by other articles from an advert followed by the page itself', () => {
    const breaks = createSectionBreaks()
    for (let n = 0; n < 10; n++) {
      const { lines, hashes, marks } = page(n)
      breaks.addPage(lines, hashes, marks, sharedElsewhere)
    }
    expect(breaks.isSectionBreak('coast.example', lineKey('More from the Coast'))).toBe(true)
    expect(breaks.isSectionBreak('coast.example', lineKey('Advertisement'))).toBe(false)
    expect(breaks.isSectionBreak('other.example', lineKey('More from the Coast'))).toBe(false)
    expect([...breaks.breakKeys()]).toEqual([
      sectionBreakKey('coast.example', lineKey('More from the Coast')),
    ])
  })

  it('needs several pages before it calls a line a section break', () => {
    const breaks = createSectionBreaks()
    const { lines, hashes, marks } = page(1)
    breaks.addPage(lines, hashes, marks, sharedElsewhere)
    expect(breaks.isSectionBreak('coast.example', lineKey('More from the Coast'))).toBe(false)
  })
})
