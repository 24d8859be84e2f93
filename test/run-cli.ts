// Run main() in-process with in-memory streams, for CLI tests.
import { PassThrough, Readable } from 'node:stream'
import { main } from '../src/cli/main.js'

/** What a CLI run printed and returned. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Run `winnow <argv>` in-process; `stdin` is what standard input holds, or a stream of it. */
export async function runCli(
  argv: string[],
  stdin: string | AsyncIterable<Uint8Array> = '',
): Promise<CliResult> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk))
  stderr.on('data', (chunk: Buffer) => err.push(chunk))
  const input = typeof stdin === 'string' ? Readable.from([Buffer.from(stdin)]) : stdin
  const code = await main(argv, { stdin: input, stdout, stderr })
  return {
    code,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  }
}

/** Parse JSON Lines output. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}
