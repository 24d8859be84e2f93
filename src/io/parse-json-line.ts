// One JSON Lines record to a document, or to a reject that says what was wrong with the line.
import type { InputRecord, Reject } from '../types.js'
import { documentFlags } from './decode-text.js'
import { parseJsonObject } from './parse-json-object.js'
import type { ReadOptions } from './read-options.js'
import { siteFromUrl } from './site-from-url.js'

/** Where a line came from: the file (or `-`), its name for fallback ids, and its line number. */
export interface LineOrigin {
  /** The file as given or found, or `-`; becomes the record's `source`. */
  source: string
  /** The file relative to the folder given (or its base name); ids default to `name:line`. */
  name: string
  /** 1-based line number. */
  line: number
}

/**
 * Turn one decoded, non-blank line into a document, or into a reject (`malformed_json`,
 * `not_an_object`, `missing_text`). With `htmlField`, a record whose field holds a string is an
 * HTML page (`html` set, `text` empty until extraction); others fall back to the text field. A record without a usable id gets `name:line`, which is
 * stable across runs; `site` falls back to the URL's host.
 *
 * @example
 * parseJsonLine('{"id":1,"text":"hi"}', { source: 'a.jsonl', name: 'a.jsonl', line: 1 }, false, DEFAULT_READ_OPTIONS)
 * // { kind: 'document', id: '1', text: 'hi', source: 'a.jsonl', line: 1 }
 */
export function parseJsonLine(
  text: string,
  origin: LineOrigin,
  invalidUtf8: boolean,
  options: Pick<ReadOptions, 'idField' | 'textField' | 'urlField' | 'htmlField'>,
): InputRecord {
  const { source, name, line } = origin
  const reject = (code: Reject['code'], reason: string): Reject => {
    return { kind: 'reject', source, line, code, reason }
  }
  const parsed = parseJsonObject(text)
  if (!parsed.ok) return reject(parsed.code, parsed.reason)
  const record = parsed.value
  const html = options.htmlField === undefined ? undefined : record[options.htmlField]
  const body = typeof html === 'string' ? '' : record[options.textField]
  if (typeof body !== 'string') {
    const problem = body === undefined ? 'missing' : 'not a string'
    const htmlToo =
      options.htmlField === undefined ? '' : ` and field "${options.htmlField}" is not a string`
    return reject('missing_text', `field "${options.textField}" is ${problem}${htmlToo}`)
  }
  const rawId = record[options.idField]
  const id =
    (typeof rawId === 'string' && rawId !== '') || typeof rawId === 'number'
      ? String(rawId)
      : `${name}:${line}`
  const url = record[options.urlField]
  const site = typeof record['site'] === 'string' ? record['site'] : undefined
  const fetchedAt = record['fetched_at']
  const flags = documentFlags(typeof html === 'string' ? html : body, invalidUtf8)
  const resolvedSite = site ?? (typeof url === 'string' ? siteFromUrl(url) : undefined)
  return {
    kind: 'document',
    id,
    text: body,
    ...(typeof html === 'string' ? { html } : {}),
    source,
    line,
    ...(typeof url === 'string' ? { url } : {}),
    ...(resolvedSite !== undefined ? { site: resolvedSite } : {}),
    ...(typeof fetchedAt === 'string' ? { fetchedAt } : {}),
    ...(flags.length > 0 ? { flags } : {}),
  }
}
