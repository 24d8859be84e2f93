// The HTTP response stored in a WARC record: status, headers, and the body with its transfer
// and content encodings undone.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib'

/** A parsed HTTP response. Header names are lower-cased; a repeated header keeps its last value. */
export interface HttpMessage {
  status: number
  headers: Map<string, string>
  /** The body as stored, before transfer and content decoding. */
  body: Uint8Array
}

/**
 * Split a stored HTTP response into status, headers and body; undefined when the block does
 * not start with an HTTP status line followed by headers.
 *
 * @example
 * parseHttpResponse(bytes)?.headers.get('content-type') // 'text/html; charset=utf-8'
 */
export function parseHttpResponse(block: Uint8Array): HttpMessage | undefined {
  const head = Buffer.from(block.subarray(0, Math.min(block.length, 65536)))
  let end = head.indexOf('\r\n\r\n')
  let gap = 4
  if (end < 0) {
    end = head.indexOf('\n\n')
    gap = 2
  }
  if (end < 0) return undefined
  const lines = head.toString('latin1', 0, end).split(/\r?\n/)
  const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(lines[0] ?? '')
  if (status === null) return undefined
  const headers = new Map<string, string>()
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return { status: Number(status[1]), headers, body: block.subarray(end + gap) }
}

/**
 * The body with chunked transfer coding and gzip, deflate or brotli content coding undone.
 * Crawlers often store bodies already decoded while keeping the original headers, so a body
 * that does not look encoded is taken as it is.
 *
 * @example
 * decodeBody(message) // { ok: true, bytes: Uint8Array(…) }
 */
export function decodeBody(
  message: HttpMessage,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: string } {
  let bytes = message.body
  if (/chunked/i.test(message.headers.get('transfer-encoding') ?? ''))
    bytes = dechunk(bytes) ?? bytes
  const coding = (message.headers.get('content-encoding') ?? '').trim().toLowerCase()
  if (coding === '' || coding === 'identity') return { ok: true, bytes }
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b
  try {
    if (coding === 'gzip' || coding === 'x-gzip') {
      return { ok: true, bytes: gzipped ? gunzipSync(bytes) : bytes }
    }
    if (coding === 'deflate') {
      // Servers send zlib-wrapped and raw deflate alike under this name.
      return { ok: true, bytes: bytes[0] === 0x78 ? inflateSync(bytes) : inflateRawSync(bytes) }
    }
    if (coding === 'br')
      return { ok: true, bytes: looksLikeText(bytes) ? bytes : brotliDecompressSync(bytes) }
  } catch (error) {
    return { ok: false, reason: `content encoding ${coding}: ${(error as Error).message}` }
  }
  return { ok: false, reason: `unknown content encoding "${coding}"` }
}

// Chunked transfer coding (RFC 9112 §7.1): hex size, CRLF, data, CRLF, …, a zero-size chunk.
function dechunk(bytes: Uint8Array): Uint8Array | undefined {
  const buffer = Buffer.from(bytes)
  const parts: Uint8Array[] = []
  let at = 0
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at)
    if (lineEnd < 0) return undefined
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd).split(';')[0] ?? '', 16)
    if (!/^[0-9a-fA-F]+/.test(buffer.toString('latin1', at, lineEnd)) || Number.isNaN(size))
      return undefined
    if (size === 0) break
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
    if (at > buffer.length) break
  }
  return Buffer.concat(parts)
}

function looksLikeText(bytes: Uint8Array): boolean {
  const start = Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart()
  return start.startsWith('<')
}
