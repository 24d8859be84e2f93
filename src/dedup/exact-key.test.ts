import { describe, expect, it } from 'vitest'
import { exactKey, exactKeyOfUtf16 } from './exact-key.js'

describe('exactKey', () => {
  it('is the first 64 bits of SHA-256 over UTF-16LE, so a change to it shows here', () => {
    expect(exactKey('oil prices rose')).toBe('a62b3916ce8fc163')
    expect(exactKey('')).toMatch(/^[0-9a-f]{16}$/)
  })
  it('tells apart texts that differ in one character, even a lone surrogate', () => {
    expect(exactKey('oil prices rose')).not.toBe(exactKey('oil prices fell'))
    expect(exactKey('oil prices rose')).not.toBe(exactKey('oil prices rose '))
    expect(exactKey('a\ud800')).not.toBe(exactKey('a\ud801'))
  })
  it('is the same from the text’s UTF-16LE bytes', () => {
    expect(exactKeyOfUtf16(Buffer.from('oil prices rose', 'utf16le'))).toBe('a62b3916ce8fc163')
  })
})
