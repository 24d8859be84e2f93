import { describe, expect, it } from 'vitest'
import { lineKey } from '../text/normalize.js'
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
  return { lines, marks }
}

describe('createSectionBreaks', () => {
  it('tells a heading followed by other articles from an advert followed by the page itself', () => {
    const breaks = createSectionBreaks()
    const sharedElsewhere = (key: string) => key.startsWith('teaser')
    for (let n = 0; n < 10; n++) {
      const { lines, marks } = page(n)
      breaks.addPage('coast.example', lines, marks, sharedElsewhere)
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
    const { lines, marks } = page(1)
    breaks.addPage('coast.example', lines, marks, (key) => key.startsWith('teaser'))
    expect(breaks.isSectionBreak('coast.example', lineKey('More from the Coast'))).toBe(false)
  })
})
