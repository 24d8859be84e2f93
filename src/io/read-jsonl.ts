// Read JSON Lines (optionally gzip) into documents, one a line; bad lines become rejects.
import { createGunzip } from 'node:zlib'
import type { DocumentFlag, InputDocument, InputRecord, Reject } from '../types.js'
import { decodeUtf8 } from './decode-text.js'
import type { ReadOptions } from './read-options.js'
import { splitLines } from './split-lines.js'

/**
 * Yield one record per non-blank line of `bytes`: a document, or a reject naming the line.
 * A gzip stream that breaks off yields the documents read so far, then a `corrupt_gzip` reject.
 *
 * @example
 * for await (const record of readJsonl(createReadStream('pages.jsonl.gz'), 'pages.jsonl.gz', true, DEFAULT_READ_OPTIONS)) …
 */
export async function* readJsonl(
  bytes: AsyncIterable<Uint8Array | string>,
  source: string,
  gzip: boolean,
  options: ReadOptions,
): AsyncGenerator<InputRecord> {
  const stream = gzip ? gunzip(bytes) : bytes
  let lastLine = 0
  try {
    for await (const { line, bytes: lineBytes } of splitLines(stream)) {
      lastLine = line
      const { text, invalidUtf8 } = decodeUtf8(lineBytes)
      if (text.trim() === '') continue
      yield parseRecord(text, source, line, invalidUtf8, options)
    }
  } catch (error) {
    if (!gzip) throw error
    yield {
      kind: 'reject',
      source,
      line: lastLine + 1,
      code: 'corrupt_gzip',
      reason: `corrupt or truncated gzip after line ${lastLine}: ${(error as Error).message}`,
    }
  }
}

async function* gunzip(bytes: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  const gunzipper = createGunzip()
  const feed = (async () => {
    try {
      for await (const chunk of bytes)
        if (!gunzipper.write(chunk)) await new Promise((r) => gunzipper.once('drain', r))
      gunzipper.end()
    } catch (error) {
      gunzipper.destroy(error as Error)
    }
  })()
  for await (const chunk of gunzipper) yield chunk as Uint8Array
  await feed
}

function parseRecord(
  text: string,
  source: string,
  line: number,
  invalidUtf8: boolean,
  options: ReadOptions,
): InputDocument | Reject {
  const reject = (code: Reject['code'], reason: string): Reject => ({
    kind: 'reject',
    source,
    line,
    code,
    reason,
  })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return reject('malformed_json', `malformed JSON: ${(error as Error).message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return reject(
      'not_an_object',
      `expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`,
    )
  }
  const record = value as Record<string, unknown>
  const body = record[options.textField]
  if (typeof body !== 'string') {
    return reject(
      'missing_text',
      `field "${options.textField}" is ${body === undefined ? 'missing' : `not a string`}`,
    )
  }
  const rawId = record[options.idField]
  const id =
    typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : `${source}:${line}`
  const url = record[options.urlField]
  const site = record['site']
  const fetchedAt = record['fetched_at']
  const flags: DocumentFlag[] = []
  if (body.trim() === '') flags.push('empty')
  if (invalidUtf8) flags.push('invalid_utf8')
  return {
    kind: 'document',
    id,
    text: body,
    source,
    line,
    ...(typeof url === 'string' ? { url } : {}),
    ...(typeof site === 'string' ? { site } : {}),
    ...(typeof fetchedAt === 'string' ? { fetchedAt } : {}),
    ...(flags.length > 0 ? { flags } : {}),
  }
}
