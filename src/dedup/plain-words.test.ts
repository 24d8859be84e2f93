import { describe, expect, it } from 'vitest'
import { comparisonTokens } from '../text/tokenize.js'
import { scanPlainWords } from './plain-words.js'
import { hash32 } from './hash32.js'

// What the general way makes of a text: its comparison tokens, hashed, and their joined bytes.
function generalWords(text: string) {
  const tokens = comparisonTokens(text)
  return {
    hashes: tokens.map((token) => hash32(token)),
    joined: [...Buffer.from(tokens.join(' '), 'utf16le')],
  }
}

function scanned(text: string) {
  const found = scanPlainWords(text)
  if (found === undefined) return undefined
  return {
    hashes: [...found.hashes.subarray(0, found.count)],
    joined: [...found.joined.subarray(0, found.joinedBytes)],
  }
}

describe('scanPlainWords', () => {
  it.each([
    'Oil prices rose on Monday.',
    'it’s 10.5 pct — “UP” …\u00a0again · © 2024 • 5°C',
    '  leading and trailing spaces, tabs\tand\nnew\r\nlines  ',
    'snake_case_words and CamelCase and ALL CAPS 12345 x',
    'odd ab abc abcd abcde: words of every length hash in blocks of two',
    '',
    '— … —',
    'Café, naïve, Łódź, Ölpreise, цены, τιμή',
  ])('gives the tokens, hashes and joined text of the general way: %j', (text) => {
    expect(scanned(text)).toEqual(generalWords(text))
  })

  it('takes a long text in one pass, growing its buffers', () => {
    const text = 'Word number one. '.repeat(5000)
    expect(scanned(text)).toEqual(generalWords(text))
  })

  it.each(['ﬁne', 'Ⅻ', '東京', '½', 'ΣΟΦΙΑ', 'x\u0301'])(
    'leaves text normalisation could change to the general way: %j',
    (text) => {
      expect(scanPlainWords(text)).toBeUndefined()
    },
  )
})
