// Write records as JSON Lines to a file or standard output, waiting when the stream is full.
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import type { Reject } from '../types.js'

/**
 * Write each record as one JSON line, pulling the next record only when the stream has room
 * (backpressure), so a slow disk or pipe never makes the records pile up in memory. Resolves once
 * the last line is handed to the stream, which stays open; a stream error rejects the promise.
 *
 * @example
 * await writeJsonl(run.records, process.stdout)
 */
export async function writeJsonl(
  records: Iterable<object> | AsyncIterable<object>,
  out: NodeJS.WritableStream,
): Promise<void> {
  // Without a listener of our own, an error while no 'drain' is awaited (EPIPE, ENOSPC) would
  // be an unhandled 'error' event; with it, the error is rethrown at the next record.
  let failure: { error: unknown } | undefined
  const onError = (error: unknown) => {
    failure ??= { error }
  }
  out.on('error', onError)
  try {
    for await (const record of records) {
      if (failure !== undefined) throw failure.error
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain')
    }
    if (failure !== undefined) throw failure.error
  } finally {
    out.off('error', onError)
  }
}

/** Where output goes, and how to finish with it. */
export interface Output {
  stream: NodeJS.WritableStream
  /** Ends a file and waits until it is written and closed; leaves standard output open. */
  close(): Promise<void>
}

/**
 * Open a writable for `-o FILE`, or the given standard output when there is no path (or it is
 * `-`). An unwritable path rejects here, before any work is done.
 *
 * @example
 * const output = await openOutput('out.jsonl', process.stdout)
 * try {
 *   await writeJsonl(records, output.stream)
 * } finally {
 *   await output.close()
 * }
 */
export async function openOutput(
  path: string | undefined,
  stdout: NodeJS.WritableStream,
): Promise<Output> {
  if (path === undefined || path === '-') return { stream: stdout, close: async () => {} }
  const stream = createWriteStream(path)
  // An unwritable path fails here, as a rejected promise, instead of as an unhandled 'error' event.
  await once(stream, 'open')
  return {
    stream,
    async close() {
      stream.end()
      await finished(stream)
    },
  }
}

/** Writes records one at a time as JSON lines. */
export interface JsonlWriter {
  /** Write one record; resolves at once, or when the stream has drained if it was full. */
  write(record: object): Promise<void> | undefined
}

/**
 * A record-at-a-time writer over `out`, for records produced one by one. An error on the stream
 * is rethrown by the next `write`.
 *
 * @example
 * const writer = createJsonlWriter(output.stream)
 * await writer.write({ id: 'a' })
 */
export function createJsonlWriter(out: NodeJS.WritableStream): JsonlWriter {
  let failure: { error: unknown } | undefined
  out.on('error', (error: unknown) => {
    failure ??= { error }
  })
  return {
    write(record) {
      if (failure !== undefined) throw failure.error
      if (out.write(`${JSON.stringify(record)}\n`)) return undefined
      return once(out, 'drain').then(() => {
        if (failure !== undefined) throw failure.error
      })
    },
  }
}

/**
 * Write rejects in their documented shape, `{source, line, id, code, reason}`, without the
 * internal `kind`; an absent line or id is left out.
 *
 * @example
 * await writeRejects(run.rejects, rejectsOut)
 */
export async function writeRejects(
  rejects: readonly Reject[],
  out: NodeJS.WritableStream,
): Promise<void> {
  const rows = rejects.map(({ source, line, id, code, reason }) => ({
    source,
    line,
    id,
    code,
    reason,
  }))
  await writeJsonl(rows, out)
}
