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

// Lines of a file written by a spill: megabyte chunks cut at their last newline byte, decoded
// whole and split. A newline byte never occurs inside a multi-byte UTF-8 sequence, so each cut
// decodes alone; this skips a streaming decoder and a string concatenation per chunk.
async function* readLines(path: string): AsyncGenerator<string> {
  let rest: Buffer | undefined
  for await (const data of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const chunk = data as Buffer
    const end = chunk.lastIndexOf(NEWLINE)
    if (end < 0) {
      rest = rest === undefined ? Buffer.from(chunk) : Buffer.concat([rest, chunk])
      continue
    }
    const head =
      rest === undefined ? chunk.subarray(0, end) : Buffer.concat([rest, chunk.subarray(0, end)])
    rest = end + 1 < chunk.length ? Buffer.from(chunk.subarray(end + 1)) : undefined
    for (const line of head.toString('utf8').split('\n')) yield line
  }
  if (rest !== undefined) yield rest.toString('utf8')
}
