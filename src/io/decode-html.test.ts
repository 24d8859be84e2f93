import { describe, expect, it } from 'vitest'
import { charsetOf, decodeHtml, notHtmlReason } from './decode-html.js'

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

describe('decodeHtml', () => {
  it('uses the header charset before the meta tag', () => {
    const bytes = latin1('<meta charset="utf-8"><p>caf\xe9</p>')
    expect(decodeHtml(bytes, 'text/html; charset=windows-1252')).toMatchObject({
      html: '<meta charset="utf-8"><p>café</p>',
      charset: 'windows-1252',
    })
  })

  it('uses the meta tag, then detection', () => {
    expect(
      decodeHtml(
        latin1(
          '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\xe9</p>',
        ),
      ),
    ).toMatchObject({ charset: 'windows-1252' })
    expect(decodeHtml(utf8('<p>é</p>'))).toMatchObject({ html: '<p>é</p>', charset: 'utf-8' })
    expect(decodeHtml(latin1('<p>\xe9</p>'))).toMatchObject({
      html: '<p>é</p>',
      charset: 'windows-1252',
    })
  })

  it('reads valid UTF-8 as UTF-8 whatever the declaration says', () => {
    expect(decodeHtml(utf8('<meta charset="gb2312"><p>中文</p>'))).toMatchObject({
      html: '<meta charset="gb2312"><p>中文</p>',
      charset: 'utf-8',
    })
  })

  it('keeps invalid UTF-8 declared as UTF-8, flagged', () => {
    expect(
      decodeHtml(new Uint8Array([0x3c, 0x70, 0x3e, 0xff]), 'text/html; charset=utf-8'),
    ).toMatchObject({ html: '<p>\uFFFD', invalidUtf8: true })
  })

  it('refuses an unknown charset only when the bytes are not UTF-8', () => {
    expect(decodeHtml(latin1('<p>\xff\xfe</p>'), 'text/html; charset=x-klingon')).toEqual({
      ok: false,
      reason: 'unsupported charset "x-klingon"',
    })
    expect(decodeHtml(utf8('<p>é</p>'), 'text/html; charset=x-klingon')).toMatchObject({
      ok: true,
      html: '<p>é</p>',
    })
  })
})

describe('charsetOf and notHtmlReason', () => {
  it('read a Content-Type and recognise binary payloads', () => {
    expect(charsetOf('text/html; Charset="Shift_JIS"')).toBe('shift_jis')
    expect(charsetOf('text/html')).toBeUndefined()
    expect(notHtmlReason(utf8('%PDF-1.7'))).toBe('a PDF, not HTML')
    expect(notHtmlReason(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('a JPEG image, not HTML')
    expect(notHtmlReason(new Uint8Array([0x3c, 0x00]))).toMatch(/NUL byte at offset 1/)
    expect(notHtmlReason(utf8('<!doctype html>'))).toBeUndefined()
  })
})
