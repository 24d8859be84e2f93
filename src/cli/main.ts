// The `winnow` command: dispatch to a subcommand and turn every outcome into an exit code.
import { readFileSync } from 'node:fs'
import { UsageError, WinnowError } from '../errors.js'
import { dedupHelp, mainHelp } from './help.js'
import { parseDedupArgs } from './parse-dedup-args.js'
import { runDedup, type CliIo } from './run-dedup.js'

export type { CliIo } from './run-dedup.js'

/** Exit codes: 0 done; 1 unexpected failure; 2 bad input or usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/**
 * Run the command line. Never exits the process: returns the exit code for the caller to set.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'dedup': {
        const parsed = parseDedupArgs(rest)
        if (parsed.help) return print(io.stdout, dedupHelp())
        return await runDedup(parsed, io)
      }
      case 'help':
        return print(io.stdout, rest[0] === 'dedup' ? dedupHelp() : mainHelp())
      case '-h':
      case '--help':
        return print(io.stdout, mainHelp())
      case '-v':
      case '--version':
        return print(io.stdout, `${version()}\n`)
      case undefined:
        io.stderr.write(mainHelp())
        return EXIT.usage
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (error) {
    return report(error, command, io)
  }
}

function print(out: CliIo['stdout'], text: string): number {
  out.write(text)
  return EXIT.ok
}

function report(error: unknown, command: string | undefined, io: CliIo): number {
  if (error instanceof UsageError) {
    const helpCommand = command === 'dedup' ? 'winnow dedup --help' : 'winnow --help'
    io.stderr.write(`winnow: ${error.message}\nRun '${helpCommand}' for usage.\n`)
    return EXIT.usage
  }
  if (error instanceof WinnowError) {
    io.stderr.write(`winnow: ${error.message}\n`)
    return EXIT.usage
  }
  const detail = process.env['WINNOW_DEBUG']
    ? ((error as Error).stack ?? String(error))
    : String((error as Error).message ?? error)
  io.stderr.write(`winnow: unexpected error: ${detail}\n`)
  return EXIT.failure
}

function version(): string {
  const pkg: unknown = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  )
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg
    ? String(pkg.version)
    : 'unknown'
}
