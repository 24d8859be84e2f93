// Read WARC and WET files (plain or gzip, as Common Crawl ships them) into documents: HTML
// responses for extraction, text conversions as text; other records are skipped and counted.
import type { WARCRecord } from 'warcio'
import type { InputRecord, Reject } from '../types.js'
import { decodeHtml, notHtmlReason } from './decode-html.js'
import { decodeUtf8, documentFlags } from './decode-text.js'
import { gunzipStream } from './gunzip-stream.js'
import { decodeBody, parseHttpResponse } from './http-message.js'
import { MAX_PAGE_BYTES, type ReadOptions } from './read-options.js'
import { siteFromUrl } from './site-from-url.js'
import { warcRecords } from './warc-records.js'

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)$/

/**
 * Yield a document for every `response` record holding an HTML page (id = WARC-Record-ID,
 * url = WARC-Target-URI, fetchedAt = WARC-Date, `html` decoded and `text` empty until
 * extraction) and every `conversion` record of `text/plain` (WET); every other record is passed
 * to `options.onSkip` with its type. Gzip is detected from the bytes, not the name. A bad record
 * is a reject naming its offset (in the uncompressed stream) and id, and reading goes on; a gzip
 * stream that breaks off ends the file with a `corrupt_gzip` reject. Read errors from `bytes`
 * reach the caller.
 *
 * @example
 * for await (const record of readWarc(createReadStream('crawl.warc.gz'), 'crawl.warc.gz', DEFAULT_READ_OPTIONS)) …
 */
export async function* readWarc(
  bytes: AsyncIterable<Uint8Array>,
  source: string,
  options: Pick<ReadOptions, 'maxPageBytes' | 'onSkip'>,
): AsyncGenerator<InputRecord> {
  const { stream, gzip } = await sniffGzip(bytes)
  let offset = 0
  let previousId: string | undefined
  try {
    for await (const checked of warcRecords(gzip ? gunzipStream(stream) : stream)) {
      const { record } = checked
      offset = checked.offset
      if (checked.previousMisaligned) {
        const reason = `record ${previousId ?? ''} is not followed by a blank line: its declared Content-Length is wrong`
        yield reject(source, 'malformed_warc', reason, previousId)
      }
      if (!record.warcHeaders.statusline.startsWith('WARC/')) {
        yield reject(source, 'malformed_warc', `offset ${offset}: not a WARC record header`)
        return
      }
      previousId = record.warcHeader('WARC-Record-ID') ?? `${source}@${offset}`
      yield* readRecord(record, source, offset, previousId, options)
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && code.startsWith('Z_')) {
      yield reject(
        source,
        'corrupt_gzip',
        `corrupt gzip after offset ${offset}: ${(error as Error).message}`,
      )
    } else if (error instanceof Error && !('errno' in error)) {
      yield reject(source, 'malformed_warc', `offset ${offset}: ${error.message}`)
    } else throw error
  }
}

async function* readRecord(
  record: WARCRecord,
  source: string,
  offset: number,
  id: string,
  options: Pick<ReadOptions, 'maxPageBytes' | 'onSkip'>,
): AsyncGenerator<InputRecord> {
  const type = record.warcType ?? 'unknown'
  const contentType = record.warcContentType ?? ''
  const skip = (what: string) => options.onSkip?.({ source, type: what, offset })
  const isText = type === 'conversion' && mimeOf(contentType) === 'text/plain'
  if (type !== 'response' && !isText) {
    await record.skipFully()
    return skip(type)
  }
  const at = `offset ${offset}, record ${id}`
  const declared = record.warcContentLength
  const maxBytes = options.maxPageBytes ?? MAX_PAGE_BYTES
  if (declared > maxBytes) {
    await record.skipFully()
    yield reject(source, 'page_too_large', `${at}: ${declared} bytes (limit ${maxBytes})`, id)
    return
  }
  const block = await record.readFully(false)
  if (block.length < declared) {
    yield reject(
      source,
      'truncated_record',
      `${at}: ends after ${block.length} of ${declared} bytes`,
      id,
    )
    return
  }
  if (Buffer.from(block.buffer, block.byteOffset, block.byteLength).includes('\r\n\r\nWARC/1.')) {
    yield reject(source, 'malformed_warc', `${at}: declared length runs into the next record`, id)
  }
  const url = record.warcTargetURI ?? undefined
  const meta = {
    id,
    source,
    ...(url === undefined ? {} : { url, ...optional('site', siteFromUrl(url)) }),
    ...optional('fetchedAt', record.warcDate ?? undefined),
  }
  if (isText) {
    const { text, invalidUtf8 } = decodeUtf8(block)
    const flags = documentFlags(text, invalidUtf8)
    yield { kind: 'document', ...meta, text, ...(flags.length > 0 ? { flags } : {}) }
    return
  }
  const http = parseHttpResponse(block)
  if (http === undefined) {
    yield reject(
      source,
      'missing_http_headers',
      `${at}: response has no HTTP status line and headers`,
      id,
    )
    return
  }
  const httpType = http.headers.get('content-type') ?? ''
  if (http.status < 200 || http.status > 299) return skip(`response (status ${http.status})`)
  if (!HTML_TYPES.test(mimeOf(httpType)))
    return skip(`response (${mimeOf(httpType) || 'no content type'})`)
  const body = decodeBody(http)
  if (!body.ok) {
    yield reject(source, 'corrupt_gzip', `${at}: ${body.reason}`, id)
    return
  }
  const notHtml = notHtmlReason(body.bytes)
  if (notHtml !== undefined) {
    yield reject(source, 'not_html', `${at}: declared HTML but ${notHtml}`, id)
    return
  }
  const decoded = decodeHtml(body.bytes, httpType)
  if (!decoded.ok) {
    yield reject(source, 'undecodable_charset', `${at}: ${decoded.reason}`, id)
    return
  }
  const flags = decoded.invalidUtf8 ? { flags: ['invalid_utf8' as const] } : {}
  yield { kind: 'document', ...meta, text: '', html: decoded.html, ...flags }
}

function reject(source: string, code: Reject['code'], reason: string, id?: string): Reject {
  return { kind: 'reject', source, ...(id === undefined ? {} : { id }), code, reason }
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string }
}

function mimeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

// Look at the first chunk for the gzip magic number, then hand on every chunk, that one included.
async function sniffGzip(
  bytes: AsyncIterable<Uint8Array>,
): Promise<{ stream: AsyncIterable<Uint8Array>; gzip: boolean }> {
  const iterator = bytes[Symbol.asyncIterator]()
  const first = await iterator.next()
  const head = first.done === true ? undefined : (first.value as Uint8Array)
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (head === undefined) return
    yield head
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next())
      yield next.value as Uint8Array
  }
  return { stream: replay(), gzip: head !== undefined && head[0] === 0x1f && head[1] === 0x8b }
}
