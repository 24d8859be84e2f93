// Options shared by the readers: which JSON fields hold the id, the text and the URL.

/** Field names for line-oriented input, and where `-` reads from. */
export interface ReadOptions {
  /** Field holding the document id (a string or a number). */
  idField: string
  /** Field holding the page text (must be a string). */
  textField: string
  /** Field holding the page URL (optional). */
  urlField: string
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
