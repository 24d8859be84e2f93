// The entry point for input: files, folders and standard input, as one stream of records.
import { createReadStream } from 'node:fs'
import { access, constants, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { InputError } from '../errors.js'
import type { InputRecord } from '../types.js'
import { formatOf, type FileFormat } from './file-format.js'
import { readJsonl } from './read-jsonl.js'
import type { ReadOptions } from './read-options.js'
import { readHtmlFile } from './read-html-file.js'
import { readTextFile } from './read-text-file.js'
import { readWarc } from './read-warc.js'
import { walkFolder } from './walk-folder.js'

// Re-exported so callers of the entry point need only this module.
export { DEFAULT_READ_OPTIONS, type ReadOptions } from './read-options.js'
export { formatOf, type FileFormat } from './file-format.js'

/**
 * Read every input in order: `-` is JSON Lines from `options.stdin`; a folder is walked in name
 * order; a file is read by its extension (unknown extensions as text). HTML and WARC input
 * yields documents carrying `html`, for extraction before cleaning. Files of other kinds in a
 * folder, and WARC records without a page, go to `options.onSkip`. A path that cannot be
 * read at all throws an `InputError` (`unreadable_path`) before anything of it is yielded, since
 * the run would silently miss a whole input. Problems inside a path (a malformed line, a binary
 * or unsupported file in a folder, an unreadable file in a folder) are yielded as rejects.
 *
 * @example
 * for await (const record of readInputs(['pages/', 'more.jsonl.gz'], DEFAULT_READ_OPTIONS)) …
 */
export async function* readInputs(
  paths: readonly string[],
  options: ReadOptions,
): AsyncGenerator<InputRecord> {
  for (const path of paths) {
    if (path === '-') yield* readStdin(options)
    else if (await isReadableFolder(path)) yield* readFolder(path, options)
    else yield* readFile(path, basename(path), formatOf(path) ?? 'text', options)
  }
}

// stat and access before anything is yielded, so an unreadable input stops the run up front.
// (As root, access always passes; reading may then still fail, which becomes a reject.)
async function isReadableFolder(path: string): Promise<boolean> {
  try {
    const isFolder = (await stat(path)).isDirectory()
    await access(path, isFolder ? constants.R_OK | constants.X_OK : constants.R_OK)
    return isFolder
  } catch (error) {
    const reason = `cannot read: ${(error as Error).message}`
    throw new InputError('unreadable_path', path, undefined, reason, { cause: error })
  }
}

async function* readStdin(options: ReadOptions): AsyncGenerator<InputRecord> {
  if (options.stdin === undefined)
    throw new InputError('unreadable_path', '-', undefined, 'no standard input given')
  try {
    yield* readJsonl(options.stdin, { source: '-' }, options)
  } catch (error) {
    const reason = `cannot read: ${(error as Error).message}`
    throw new InputError('unreadable_path', '-', undefined, reason, { cause: error })
  }
}

async function* readFolder(root: string, options: ReadOptions): AsyncGenerator<InputRecord> {
  for await (const entry of walkFolder(root)) {
    if (entry.kind === 'unreadable') {
      const reason = `cannot read: ${entry.reason}`
      yield { kind: 'reject', source: entry.path, code: 'unreadable_path', reason }
      continue
    }
    const format = formatOf(entry.path)
    if (format === undefined) {
      // Crawl folders hold other files too (truth files, logs): passed over and counted.
      options.onSkip?.({ source: entry.path, type: 'unsupported file' })
      continue
    }
    yield* readFile(entry.path, entry.relativePath, format, options)
  }
}

async function* readFile(
  path: string,
  name: string,
  format: FileFormat,
  options: ReadOptions,
): AsyncGenerator<InputRecord> {
  if (format === 'text') {
    yield await readTextFile(path, name)
    return
  }
  if (format === 'html') {
    yield await readHtmlFile(path, name, options.maxPageBytes)
    return
  }
  const stream = createReadStream(path)
  try {
    if (format === 'warc') yield* readWarc(stream, path, options)
    else yield* readJsonl(stream, { source: path, name, gzip: format === 'jsonl.gz' }, options)
  } catch (error) {
    // A read error partway: what was read stands, and the rest of the file is one reject.
    const reason = `cannot read: ${(error as Error).message}`
    yield { kind: 'reject', source: path, code: 'unreadable_path', reason }
  } finally {
    stream.destroy()
  }
}
