import { describe, expect, it } from 'vitest'
import { hashString } from '../text/hash.js'
import { lineKey } from '../text/normalize.js'
import { pageLines } from './page-lines.js'
import { proseLineHashes } from './shared-lines.js'

const LEDE = 'Oil rose on Monday as supplies from the northern fields fell again.'

describe('proseLineHashes', () => {
  it('keeps prose lines only, hashed by their line key', () => {
    expect(proseLineHashes(pageLines(`Menu\n${LEDE}`))).toEqual([hashString(lineKey(LEDE))])
  })
})
