// Which reader a file name asks for: one document per file, one per line, or one per WARC record.

/** How a file is read, by its name. */
export type FileFormat = 'text' | 'jsonl' | 'jsonl.gz' | 'html' | 'warc'

/**
 * The format a file name asks for: `.txt`/`.md` are one document each, `.jsonl`/`.ndjson` one
 * per line (also gzip), `.html`/`.htm` one page each, `.warc`/`.wet` (also gzip) one page per
 * record; anything else is undefined. Case does not matter.
 *
 * @example
 * formatOf('pages/2024.ndjson.gz') // 'jsonl.gz'
 * formatOf('notes.pdf') // undefined
 */
export function formatOf(path: string): FileFormat | undefined {
  const name = path.toLowerCase()
  if (/\.(jsonl|ndjson)\.gz$/.test(name)) return 'jsonl.gz'
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl'
  if (/\.(txt|md)$/.test(name)) return 'text'
  if (/\.html?$/.test(name)) return 'html'
  if (/\.(warc|wet)(\.gz)?$/.test(name)) return 'warc'
  return undefined
}
