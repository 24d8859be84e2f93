// Run main() in-process with in-memory streams, for CLI tests.
import { PassThrough, Readable } from 'node:stream'
import { main } from '../src/cli/main.js'

/** What a CLI run printed and returned. */
export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Run `winnow <argv>` in-process; `stdin` is what standard input holds. */
export async function runCli(argv: string[], stdin = ''): Promise<CliResult> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const out: Buffer[] = []
  const err: Buffer[] = []
  stdout.on('data', (chunk: Buffer) => out.push(chunk))
  stderr.on('data', (chunk: Buffer) => err.push(chunk))
  const code = await main(argv, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr })
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
