// Lines of text written to a temporary file and read back in order: a run's output until it is known.
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** An append-only file of lines, read back once, in order. */
export interface LineSpill {
  /** Append a line; it must not contain a newline (JSON text never does). */
  append(line: string): void
  finish(): void
  lines(): AsyncIterable<string>
}

// Lines are encoded into a block of this many bytes before a write.
const BLOCK_BYTES = 1 << 20
// A UTF-16 code unit takes at most three bytes of UTF-8 (a surrogate pair, two units, takes four).
const MAX_BYTES_PER_CHAR = 3
const NEWLINE = 0x0a

/**
 * Create a line spill `name` in `dir`.
 *
 * @example
 * const spill = createLineSpill(tempDir, 'records')
 * spill.append(JSON.stringify(record))
 * spill.finish()
 * for await (const line of spill.lines()) …
 */
export function createLineSpill(dir: string, name: string): LineSpill {
  const path = join(dir, name)
  const fd = openSync(path, 'w')
  // Each line is encoded straight into the block: no joined string, no encoding of it on write.
  const block = Buffer.allocUnsafe(BLOCK_BYTES)
  let used = 0
  let open = true
  const flush = () => {
    if (used > 0) writeSync(fd, block, 0, used)
    used = 0
  }
  return {
    append(line) {
      const most = line.length * MAX_BYTES_PER_CHAR + 1
      if (used + most > BLOCK_BYTES) flush()
      if (most > BLOCK_BYTES) {
        writeSync(fd, `${line}\n`)
        return
      }
      used += block.write(line, used)
      block[used++] = NEWLINE
    },
    finish() {
      if (!open) return
      flush()
      closeSync(fd)
      open = false
    },
    lines: () => readLines(path),
  }
}

// Lines of a file written by a spill, each decoded on its own from megabyte chunks. A newline byte
// never occurs inside a multi-byte UTF-8 sequence, so each line decodes alone; and a line is
// decoded several times faster alone than inside a whole chunk, whose one non-ASCII character
// would make the decoder write the entire chunk as two-byte text, copied again by a split.
async function* readLines(path: string): AsyncGenerator<string> {
  // The start of a line that runs on past its chunk, in pieces joined once its end is read.
  let pending: Buffer[] = []
  for await (const data of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = data as Buffer
    let start = 0
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      if (pending.length === 0) yield chunk.toString('utf8', start, end)
      else {
        yield Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8')
        pending = []
      }
      start = end + 1
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
  }
  if (pending.length > 0) yield Buffer.concat(pending).toString('utf8')
}
