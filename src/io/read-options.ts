// Options shared by the readers: which JSON fields hold the id, the text and the URL.

/** Field names for line-oriented input, and where `-` reads from. */
export interface ReadOptions {
  idField: string
  textField: string
  urlField: string
  /** Standard input, for the path `-`. */
  stdin?: AsyncIterable<Uint8Array | string>
}

export const DEFAULT_READ_OPTIONS: ReadOptions = {
  idField: 'id',
  textField: 'text',
  urlField: 'url',
}
