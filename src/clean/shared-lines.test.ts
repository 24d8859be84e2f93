import { describe, expect, it } from 'vitest'
import { hashString } from '../text/hash.js'
import { lineKey } from '../text/normalize.js'
import { hashLines } from './line-hashes.js'
import { pageLines } from './page-lines.js'
import { proseLineHashes } from './shared-lines.js'

const LEDE = 'Oil rose on Monday as supplies from the northern fields fell again.'

describe('proseLineHashes', () => {
  it('keeps prose lines only, hashed by their line key', () => {
    expect([...proseLineHashes(hashLines(pageLines(`Menu\n${LEDE}`), 7))]).toEqual([
      hashString(lineKey(LEDE)),
    ])
  })
})
