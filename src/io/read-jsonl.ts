// Read JSON Lines (optionally gzip) into documents, one a line; bad lines become rejects.
import { gunzipStream } from './gunzip-stream.js'
import type { InputRecord } from '../types.js'
import { decodeUtf8 } from './decode-text.js'
import { parseJsonLine } from './parse-json-line.js'
import type { ReadOptions } from './read-options.js'
import { splitLines } from './split-lines.js'

/** Which stream is being read, for the records' `source` and for fallback ids. */
export interface JsonlInput {
  /** The file as given or found, or `-` for standard input. */
  source: string
  /** The file relative to the folder given, or its base name; defaults to `source`. */
  name?: string
  /** Whether the bytes are gzip-compressed. */
  gzip?: boolean
}

/**
 * Yield one record per non-blank line of `bytes`, in order: a document, or a reject naming the
 * line. Blank lines are skipped. A gzip stream that breaks off yields the documents read so far,
 * then a `corrupt_gzip` reject at the line it reached; it never throws for that. Any other error
 * from `bytes` (a read error) reaches the caller's `for await` after the records before it.
 *
 * @example
 * const file = createReadStream('pages.jsonl.gz')
 * for await (const record of readJsonl(file, { source: 'pages.jsonl.gz', gzip: true }, DEFAULT_READ_OPTIONS)) …
 */
export async function* readJsonl(
  bytes: AsyncIterable<Uint8Array | string>,
  input: JsonlInput,
  options: Pick<ReadOptions, 'idField' | 'textField' | 'urlField' | 'htmlField'>,
): AsyncGenerator<InputRecord> {
  const { source, name = input.source, gzip = false } = input
  let lastLine = 0
  try {
    for await (const { line, bytes: lineBytes } of splitLines(gzip ? gunzipStream(bytes) : bytes)) {
      lastLine = line
      const { text, invalidUtf8 } = decodeUtf8(lineBytes)
      if (text.trim() === '') continue
      yield parseJsonLine(text, { source, name, line }, invalidUtf8, options)
    }
  } catch (error) {
    if (!gzip || !isZlibError(error)) throw error
    yield {
      kind: 'reject',
      source,
      line: lastLine + 1,
      code: 'corrupt_gzip',
      reason: `corrupt gzip after line ${lastLine}: ${(error as Error).message}`,
    }
  }
}

// zlib's errors carry Z_* codes (Z_BUF_ERROR for a truncated stream, Z_DATA_ERROR for bad bytes);
// a read error from the file underneath (EACCES, EIO) is not corrupt gzip and is passed on.
function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('Z_')
}
