// Split a byte stream into lines of bytes, so each line can be decoded (and checked) on its own.

/**
 * Yield each line of a byte stream without its line ending (`\n` or `\r\n`), with its 1-based
 * number. Lines may be any length; chunks are only joined when a line spans them. An error from
 * the source (a corrupt gzip stream, say) reaches the caller's `for await` after the lines read
 * before it.
 *
 * @example
 * for await (const { line, bytes } of splitLines(createReadStream('a.jsonl'))) console.log(line)
 */
export async function* splitLines(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<{ line: number; bytes: Uint8Array }> {
  let pending: Uint8Array[] = []
  let line = 0
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    let start = 0
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, start)) {
      const tail = bytes.subarray(start, i)
      line++
      // Only a line that spans chunks is copied into one buffer.
      yield {
        line,
        bytes: withoutCr(pending.length === 0 ? tail : Buffer.concat([...pending, tail])),
      }
      pending = []
      start = i + 1
    }
    if (start < bytes.length) pending.push(bytes.subarray(start))
  }
  if (pending.length > 0) {
    line++
    yield { line, bytes: withoutCr(Buffer.concat(pending)) }
  }
}

function withoutCr(bytes: Uint8Array): Uint8Array {
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, -1) : bytes
}
