// Read what `winnow dedup` wrote (output records, rejects, stats) back in, for the report.
import { createReadStream, ReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { InputError } from '../errors.js'
import type { DedupRecord, Reject, RejectCode, RunStats } from '../types.js'
import { decodeUtf8 } from './decode-text.js'
import { parseDedupLine } from './parse-dedup-line.js'
import { splitLines } from './split-lines.js'

/**
 * Yield each non-blank line of a `winnow dedup` output file as a record, or as a reject naming
 * the file and line (`out.jsonl:7: malformed JSON: …`). Reads `path`, or `bytes` when given (for
 * standard input, named `-`). A file that cannot be opened or read is an InputError
 * (`unreadable_path`), thrown at the caller's `for await`.
 *
 * @example
 * for await (const row of readDedupOutput('out.jsonl')) if ('kind' in row) console.warn(row.reason)
 */
export async function* readDedupOutput(
  path: string,
  bytes?: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<DedupRecord | Reject> {
  const input: AsyncIterable<Uint8Array | string> = bytes ?? createReadStream(path)
  try {
    for await (const { line, bytes: lineBytes } of splitLines(input)) {
      const { text } = decodeUtf8(lineBytes)
      if (text.trim() !== '') yield parseDedupLine(text, path, line)
    }
  } catch (error) {
    throw unreadable(path, error)
  } finally {
    if (input instanceof ReadStream) input.destroy()
  }
}

/**
 * Read a rejects file written by `winnow dedup --rejects`; a line that is not a reject is itself
 * returned as a reject of the rejects file, so nothing is silently lost.
 *
 * @example
 * const { rejects, unreadable } = await readRejectsFile('rejects.jsonl')
 */
export async function readRejectsFile(
  path: string,
): Promise<{ rejects: Reject[]; unreadable: Reject[] }> {
  const rejects: Reject[] = []
  const unreadable: Reject[] = []
  const text = await readText(path)
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return
    const line = index + 1
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (error) {
      const reason = `malformed JSON: ${(error as Error).message}`
      unreadable.push({ kind: 'reject', source: path, line, code: 'malformed_json', reason })
      return
    }
    const row = (typeof value === 'object' && value !== null ? value : {}) as Record<
      string,
      unknown
    >
    if (typeof row['code'] !== 'string' || typeof row['source'] !== 'string') {
      const reason = 'not a reject: expected {source, line, id, code, reason}'
      unreadable.push({ kind: 'reject', source: path, line, code: 'not_an_object', reason })
      return
    }
    rejects.push({
      kind: 'reject',
      source: row['source'],
      code: row['code'] as RejectCode,
      reason: typeof row['reason'] === 'string' ? row['reason'] : '',
      ...(typeof row['line'] === 'number' ? { line: row['line'] } : {}),
      ...(typeof row['id'] === 'string' ? { id: row['id'] } : {}),
    })
  })
  return { rejects, unreadable }
}

/**
 * Read a stats file written by `winnow dedup --stats`. Not JSON, or not an object of counts, is an
 * InputError naming the file.
 *
 * @example
 * (await readStatsFile('stats.json')).seconds // 15.1
 */
export async function readStatsFile(path: string): Promise<RunStats> {
  const text = await readText(path)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new InputError('input', path, undefined, `malformed JSON: ${(error as Error).message}`)
  }
  const keys = ['documents', 'clusters', 'duplicates', 'rejected', 'seconds']
  const row = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  if (!keys.every((key) => typeof row[key] === 'number')) {
    throw new InputError('input', path, undefined, 'not a winnow stats file (see dedup --stats)')
  }
  return row as unknown as RunStats
}

async function readText(path: string): Promise<string> {
  try {
    return decodeUtf8(await readFile(path)).text
  } catch (error) {
    throw unreadable(path, error)
  }
}

function unreadable(path: string, error: unknown): unknown {
  if (error instanceof InputError) return error
  const reason = error instanceof Error ? error.message : String(error)
  return new InputError('unreadable_path', path, undefined, `cannot read: ${reason}`, {
    cause: error,
  })
}
