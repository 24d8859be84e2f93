import { describe, expect, it } from 'vitest'
import { lineKey } from '../text/normalize.js'
import { pageLines } from './page-lines.js'
import { createSharedLines, proseLineHashes } from './shared-lines.js'

const LEDE = 'Oil rose on Monday as supplies from the northern fields fell again.'

describe('createSharedLines', () => {
  it('tells a line of the article itself from one other articles carry', () => {
    const shared = createSharedLines()
    shared.addHashes(proseLineHashes(pageLines(`Menu\n${LEDE}`)), 1)
    shared.addHashes(proseLineHashes(pageLines(LEDE)), 1)
    expect(shared.isSharedElsewhere(lineKey(LEDE), 1)).toBe(false)
    shared.addHashes(proseLineHashes(pageLines(LEDE)), 2)
    expect(shared.isSharedElsewhere(lineKey(LEDE), 1)).toBe(true)
    expect(shared.isSharedElsewhere(lineKey(LEDE), 3)).toBe(true)
  })

  it('keeps prose lines only', () => {
    expect(proseLineHashes(pageLines(`Menu\n${LEDE}`))).toHaveLength(1)
  })
})
