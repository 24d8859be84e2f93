// Options shared by the readers: which JSON fields hold the id, the text and the URL.
import type { Skip } from '../types.js'

/** Field names for line-oriented input, and where `-` reads from. */
export interface ReadOptions {
  /** Field holding the document id (a string or a number). */
  idField: string
  /** Field holding the page text (must be a string). */
  textField: string
  /** Field holding the page URL (optional). */
  urlField: string
  /** Field holding a raw HTML page (optional): when set, a record's page is this field's HTML. */
  htmlField?: string
  /** Largest HTML page or WARC record read, in bytes (default `MAX_PAGE_BYTES`). */
  maxPageBytes?: number
  /** Told of every input passed over on purpose (WARC records without a page, other files). */
  onSkip?: (skip: Skip) => void
  /** Standard input, for the path `-`: any byte stream, such as `process.stdin`. */
  stdin?: AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream
}

/**
 * The field names crawlers most often use.
 *
 * @example
 * readInputs(['pages.jsonl'], { ...DEFAULT_READ_OPTIONS, textField: 'body' })
 */
export const DEFAULT_READ_OPTIONS: ReadOptions = {
  idField: 'id',
  textField: 'text',
  urlField: 'url',
}

/**
 * The largest page read: 16 MiB is far beyond any real article page (the evaluation pages
 * average 190 KB), and keeps a 50 MB page or record from being held in memory and parsed.
 */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024
