// Write records as JSON Lines to a file or standard output, waiting when the stream is full.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'

/**
 * Write each record as one JSON line, respecting backpressure, and wait until all is flushed
 * to the stream (the stream is not closed).
 *
 * @example
 * await writeJsonl(run.records, process.stdout)
 */
export async function writeJsonl(
  records: Iterable<object> | AsyncIterable<object>,
  out: Writable,
): Promise<void> {
  for await (const record of records) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain')
  }
}

/**
 * Open a writable for `-o FILE`, or the given standard output when there is no path (or it is `-`).
 * `close` ends a file and waits for it to be written; it leaves standard output open.
 *
 * @example
 * const output = await openOutput('out.jsonl', process.stdout)
 * await writeJsonl(records, output.stream)
 * await output.close()
 */
export async function openOutput(
  path: string | undefined,
  stdout: Writable,
): Promise<{ stream: Writable; close(): Promise<void> }> {
  if (path === undefined || path === '-') return { stream: stdout, close: async () => {} }
  const stream = createWriteStream(path)
  // An unwritable path fails here, as a rejected promise, instead of as an unhandled 'error' event.
  await once(stream, 'open')
  return {
    stream,
    async close() {
      stream.end()
      await once(stream, 'finish')
    },
  }
}
