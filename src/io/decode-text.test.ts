// Tests for UTF-8 decoding with replacement and the NUL-byte binary check.
import { describe, expect, it } from 'vitest'
import { decodeUtf8, findNul } from './decode-text.js'

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 without a flag', () => {
    expect(decodeUtf8(Buffer.from('café ✓'))).toEqual({ text: 'café ✓', invalidUtf8: false })
  })

  it('replaces invalid bytes with U+FFFD and flags them', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0x62]))).toEqual({
      text: 'a\uFFFDb',
      invalidUtf8: true,
    })
  })

  it('does not flag a literal U+FFFD that was valid UTF-8', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbf, 0xbd]))).toEqual({
      text: '\uFFFD',
      invalidUtf8: false,
    })
  })

  it('flags a sequence cut off at the end', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xc3])).invalidUtf8).toBe(true)
  })

  it('drops a leading byte-order mark, also from invalid input', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])).text).toBe('hi')
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0xff])).text).toBe('h\uFFFD')
  })
})

describe('findNul', () => {
  it('finds the first NUL byte within the limit', () => {
    expect(findNul(new Uint8Array([0x50, 0x4b, 0x00, 0x00]))).toBe(2)
    expect(findNul(Buffer.from('plain text'))).toBe(-1)
  })

  it('looks only at the first 8 KiB by default', () => {
    const bytes = new Uint8Array(9000).fill(0x61)
    bytes[8500] = 0
    expect(findNul(bytes)).toBe(-1)
    expect(findNul(bytes, 9000)).toBe(8500)
  })
})
