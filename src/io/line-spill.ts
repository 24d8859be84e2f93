// Lines of text written to a temporary file and read back in order: a run's output until it is known.
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'

/** An append-only file of lines, read back once, in order. */
export interface LineSpill {
  /** Append a line; it must not contain a newline (JSON text never does). */
  append(line: string): void
  finish(): void
  lines(): AsyncIterable<string>
}

// Lines are gathered into about this many characters before a write.
const BLOCK_CHARS = 1 << 20

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
  let block: string[] = []
  let chars = 0
  let open = true
  const flush = () => {
    if (block.length > 0) writeSync(fd, `${block.join('\n')}\n`)
    block = []
    chars = 0
  }
  return {
    append(line) {
      block.push(line)
      chars += line.length
      if (chars >= BLOCK_CHARS) flush()
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

// Lines of a file written by a spill: megabyte chunks decoded whole and split on newlines, which
// is several times faster than node:readline's line events.
async function* readLines(path: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n')
    rest = lines.pop() ?? ''
    for (const line of lines) yield line
  }
  rest += decoder.end()
  if (rest !== '') yield rest
}
