// Builds tiny WARC files in code for the reader tests: valid records and deliberately broken ones.
import { gzipSync } from 'node:zlib'

/** One record to write; `declaredLength` overrides the true Content-Length to break it. */
export interface RecordSpec {
  type: string
  block: Uint8Array | string
  id?: string
  uri?: string
  date?: string
  contentType?: string
  declaredLength?: number
}

/** The bytes of one WARC/1.0 record, with its closing blank lines. */
export function warcRecord(spec: RecordSpec): Buffer {
  const block = Buffer.from(spec.block)
  const headers = [
    'WARC/1.0',
    `WARC-Type: ${spec.type}`,
    `WARC-Record-ID: ${spec.id ?? `<urn:uuid:${spec.type}-${block.length}>`}`,
    `WARC-Date: ${spec.date ?? '2024-03-02T09:30:00Z'}`,
    ...(spec.uri === undefined ? [] : [`WARC-Target-URI: ${spec.uri}`]),
    ...(spec.contentType === undefined ? [] : [`Content-Type: ${spec.contentType}`]),
    `Content-Length: ${spec.declaredLength ?? block.length}`,
  ]
  return Buffer.concat([
    Buffer.from(`${headers.join('\r\n')}\r\n\r\n`),
    block,
    Buffer.from('\r\n\r\n'),
  ])
}

/** An HTTP response block: status line, headers, blank line, body. */
export function httpResponse(
  body: Uint8Array | string,
  headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' },
  status = 200,
): Buffer {
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status} OK\r\n${head.join('')}\r\n`),
    Buffer.from(body),
  ])
}

/** A response record for an HTML page at `uri`. */
export function htmlRecord(uri: string, html: string, id = `<urn:uuid:${uri}>`): Buffer {
  return warcRecord({
    type: 'response',
    id,
    uri,
    contentType: 'application/http; msgtype=response',
    block: httpResponse(html),
  })
}

/** Records joined into a file; with `gzip`, each record is its own gzip member. */
export function warcFile(records: Buffer[], gzip = false): Buffer {
  return Buffer.concat(gzip ? records.map((record) => gzipSync(record)) : records)
}
