// The entry point for input: files, folders and standard input, as one stream of records.
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { InputError } from '../errors.js'
import type { DocumentFlag, InputRecord } from '../types.js'
import { decodeUtf8, findNul } from './decode-text.js'
import { readJsonl } from './read-jsonl.js'
import type { ReadOptions } from './read-options.js'
import { walkFolder } from './walk-folder.js'

export { DEFAULT_READ_OPTIONS, type ReadOptions } from './read-options.js'

/** How a file is read, by its name. */
export type FileFormat = 'text' | 'jsonl' | 'jsonl.gz'

/**
 * The format a file name asks for: `.txt`/`.md` are one document each, `.jsonl`/`.ndjson` one
 * per line (also gzip); anything else is undefined.
 *
 * @example
 * formatOf('pages/2024.ndjson.gz') // 'jsonl.gz'
 */
export function formatOf(path: string): FileFormat | undefined {
  const name = path.toLowerCase()
  if (/\.(jsonl|ndjson)\.gz$/.test(name)) return 'jsonl.gz'
  if (/\.(jsonl|ndjson)$/.test(name)) return 'jsonl'
  if (/\.(txt|md)$/.test(name)) return 'text'
  return undefined
}

/**
 * Read every input in order. A path that cannot be read at all throws an `InputError`
 * (`unreadable_path`) before anything of it is yielded; problems inside a path (a malformed line,
 * a binary file in a folder, an unreadable file in a folder) are yielded as rejects.
 *
 * @example
 * for await (const record of readInputs(['pages/', 'more.jsonl.gz'], DEFAULT_READ_OPTIONS)) …
 */
export async function* readInputs(
  paths: readonly string[],
  options: ReadOptions,
): AsyncGenerator<InputRecord> {
  for (const path of paths) {
    if (path === '-') {
      if (options.stdin === undefined)
        throw new InputError('unreadable_path', '-', undefined, 'no standard input')
      yield* readJsonl(options.stdin, '-', false, options)
      continue
    }
    let isFolder: boolean
    try {
      isFolder = (await stat(path)).isDirectory()
    } catch (error) {
      throw new InputError(
        'unreadable_path',
        path,
        undefined,
        `cannot read: ${(error as Error).message}`,
        {
          cause: error,
        },
      )
    }
    if (isFolder) yield* readFolder(path, options)
    else yield* readPath(path, basename(path), formatOf(path) ?? 'text', options)
  }
}

async function* readFolder(root: string, options: ReadOptions): AsyncGenerator<InputRecord> {
  for await (const entry of walkFolder(root)) {
    if (entry.kind === 'unreadable') {
      yield {
        kind: 'reject',
        source: entry.path,
        code: 'unreadable_path',
        reason: `cannot read: ${entry.reason}`,
      }
      continue
    }
    const format = formatOf(entry.path)
    if (format === undefined) {
      yield {
        kind: 'reject',
        source: entry.path,
        code: 'unsupported_file',
        reason: 'not a .txt, .md, .jsonl or .ndjson file',
      }
      continue
    }
    yield* readPath(entry.path, entry.relativePath, format, options)
  }
}

async function* readPath(
  path: string,
  id: string,
  format: FileFormat,
  options: ReadOptions,
): AsyncGenerator<InputRecord> {
  if (format !== 'text') {
    const stream = createReadStream(path)
    try {
      yield* readJsonl(stream, path, format === 'jsonl.gz', options)
    } catch (error) {
      yield {
        kind: 'reject',
        source: path,
        code: 'unreadable_path',
        reason: `cannot read: ${(error as Error).message}`,
      }
    } finally {
      stream.destroy()
    }
    return
  }
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    yield {
      kind: 'reject',
      source: path,
      id,
      code: 'unreadable_path',
      reason: `cannot read: ${(error as Error).message}`,
    }
    return
  }
  const nul = findNul(bytes)
  if (nul >= 0) {
    yield {
      kind: 'reject',
      source: path,
      id,
      code: 'binary_file',
      reason: `binary file (NUL byte at offset ${nul})`,
    }
    return
  }
  const { text, invalidUtf8 } = decodeUtf8(bytes)
  const flags: DocumentFlag[] = []
  if (text.trim() === '') flags.push('empty')
  if (invalidUtf8) flags.push('invalid_utf8')
  yield { kind: 'document', id, text, source: path, ...(flags.length > 0 ? { flags } : {}) }
}
