// HTML bytes to text: the charset from the HTTP header, the page's meta tag, or detection.
import { decodeUtf8 } from './decode-text.js'

/** A decoded page, or why it could not be decoded. */
export type DecodedHtml =
  { ok: true; html: string; charset: string; invalidUtf8: boolean } | { ok: false; reason: string }

/**
 * Decode an HTML page. The charset comes from a byte-order mark, then `contentType` (an HTTP
 * Content-Type header), then a `<meta charset>` or `<meta http-equiv>` in the first 1024 bytes,
 * then detection: valid UTF-8 is UTF-8, anything else windows-1252 (what browsers assume).
 * Bytes that are valid UTF-8 with non-ASCII characters are read as UTF-8 whatever a header or
 * meta tag declares. A label no decoder knows is undecodable unless the bytes are valid UTF-8.
 *
 * @example
 * decodeHtml(bytes, 'text/html; charset=ISO-8859-1') // { ok: true, html: '…', charset: 'windows-1252', … }
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): DecodedHtml {
  const bom = bomCharset(bytes)
  const declared = bom ?? charsetOf(contentType ?? '') ?? metaCharset(bytes)
  if (declared !== undefined) {
    let decoder: InstanceType<typeof TextDecoder> | undefined
    try {
      decoder = new TextDecoder(declared)
    } catch {
      decoder = undefined
    }
    // Pages are often converted to UTF-8 without their declaration being updated. Text in a
    // legacy charset is almost never valid UTF-8 once it has any non-ASCII byte, so such bytes
    // overrule a declaration (but not a byte-order mark).
    if (decoder !== undefined && decoder.encoding !== 'utf-8') {
      if (bom === undefined && hasNonAscii(bytes)) {
        const utf8 = decodeUtf8(bytes)
        if (!utf8.invalidUtf8)
          return { ok: true, html: utf8.text, charset: 'utf-8', invalidUtf8: false }
      }
      return {
        ok: true,
        html: decoder.decode(bytes),
        charset: decoder.encoding,
        invalidUtf8: false,
      }
    }
    if (decoder === undefined) {
      const utf8 = decodeUtf8(bytes)
      if (utf8.invalidUtf8) return { ok: false, reason: `unsupported charset "${declared}"` }
      return { ok: true, html: utf8.text, charset: 'utf-8', invalidUtf8: false }
    }
    const utf8 = decodeUtf8(bytes)
    return { ok: true, html: utf8.text, charset: 'utf-8', invalidUtf8: utf8.invalidUtf8 }
  }
  const utf8 = decodeUtf8(bytes)
  if (!utf8.invalidUtf8) return { ok: true, html: utf8.text, charset: 'utf-8', invalidUtf8: false }
  return {
    ok: true,
    html: new TextDecoder('windows-1252').decode(bytes),
    charset: 'windows-1252',
    invalidUtf8: false,
  }
}

/**
 * The charset parameter of a Content-Type value, if any.
 *
 * @example
 * charsetOf('text/html; charset="Shift_JIS"') // 'shift_jis'
 */
export function charsetOf(contentType: string): string | undefined {
  const match = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)
  return match?.[1]?.toLowerCase()
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return true
  return false
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return undefined
}

// The HTML standard's prescan looks at the first 1024 bytes; ASCII-compatible encodings keep
// the meta tag readable as Latin-1 whatever the charset.
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1')
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  const label = meta?.[1]?.toLowerCase()
  // A page that says UTF-16 in an ASCII meta tag cannot be UTF-16 (the standard reads it as UTF-8).
  return label?.startsWith('utf-16') ? 'utf-8' : label
}

// Signatures of the binary formats crawls most often hold where a page was expected.
const SIGNATURES: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['WebP or RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip data', [0x1f, 0x8b]],
]

/**
 * Why `bytes` are not an HTML page (a PDF, an image, an archive, or binary with a NUL byte in
 * the first 8 KiB), or undefined when they may be one.
 *
 * @example
 * notHtmlReason(new TextEncoder().encode('%PDF-1.7')) // 'a PDF, not HTML'
 */
export function notHtmlReason(bytes: Uint8Array): string | undefined {
  for (const [name, magic] of SIGNATURES) {
    if (magic.every((byte, i) => bytes[i] === byte)) return `a ${name}, not HTML`
  }
  // UTF-16 pages hold NUL bytes by nature; their byte-order mark says so.
  if (bomCharset(bytes)?.startsWith('utf-16')) return undefined
  const end = Math.min(bytes.length, 8192)
  for (let i = 0; i < end; i++)
    if (bytes[i] === 0) return `binary data (NUL byte at offset ${i}), not HTML`
  return undefined
}
