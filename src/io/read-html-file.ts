// Read an .html or .htm file as one document holding its decoded HTML, for extraction.
import { readFile, stat } from 'node:fs/promises'
import type { InputRecord, Reject } from '../types.js'
import { decodeHtml, notHtmlReason } from './decode-html.js'
import { MAX_PAGE_BYTES } from './read-options.js'

/**
 * Read the page at `path` as one document with the given id and an empty `text` (extraction
 * fills it). Never throws: an unreadable file, one over `maxBytes`, one that is a PDF, an image
 * or other binary, and one in a charset no decoder knows each become a reject.
 *
 * @example
 * await readHtmlFile('pages/a.html', 'a.html')
 * // { kind: 'document', id: 'a.html', text: '', html: '<!doctype html>…', source: 'pages/a.html' }
 */
export async function readHtmlFile(
  path: string,
  id: string,
  maxBytes = MAX_PAGE_BYTES,
): Promise<InputRecord> {
  const reject = (code: Reject['code'], reason: string): Reject => ({
    kind: 'reject',
    source: path,
    id,
    code,
    reason,
  })
  let bytes: Uint8Array
  try {
    const size = (await stat(path)).size
    if (size > maxBytes)
      return reject('page_too_large', `page too large: ${size} bytes (limit ${maxBytes})`)
    bytes = await readFile(path)
  } catch (error) {
    return reject('unreadable_path', `cannot read: ${(error as Error).message}`)
  }
  const notHtml = notHtmlReason(bytes)
  if (notHtml !== undefined) return reject('not_html', notHtml)
  const decoded = decodeHtml(bytes)
  if (!decoded.ok) return reject('undecodable_charset', decoded.reason)
  return {
    kind: 'document',
    id,
    text: '',
    html: decoded.html,
    source: path,
    ...(decoded.invalidUtf8 ? { flags: ['invalid_utf8' as const] } : {}),
  }
}
