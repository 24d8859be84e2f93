// Save a one-shot byte stream (standard input) to a file, so that a run can read it more than once.
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'

/**
 * Copy every chunk of `input` to the file `path`, waiting when the disk is slower than the input.
 * Errors from either side reject the promise.
 *
 * @example
 * await spoolInput(process.stdin, join(tempDir, 'stdin'))
 * createReadStream(join(tempDir, 'stdin')) // read it again, as often as needed
 */
export async function spoolInput(
  input: AsyncIterable<Uint8Array | string>,
  path: string,
): Promise<void> {
  const file = createWriteStream(path)
  let failure: { error: unknown } | undefined
  file.on('error', (error) => {
    failure ??= { error }
  })
  try {
    for await (const chunk of input) {
      if (failure !== undefined) throw failure.error
      if (!file.write(chunk)) await Promise.race([once(file, 'drain'), once(file, 'error')])
    }
  } finally {
    file.end()
    await finished(file).catch((error: unknown) => {
      failure ??= { error }
    })
  }
  if (failure !== undefined) throw failure.error
}
