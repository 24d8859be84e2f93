// The `winnow` command: dispatch to a subcommand and turn every outcome into an exit code.
import { readFileSync } from 'node:fs'
import { UsageError, WinnowError } from '../errors.js'
import { MAIN_FLAGS } from './flags.js'
import {
  USAGE,
  dedupHelp,
  explainHelp,
  extractHelp,
  indexHelp,
  mainHelp,
  reportHelp,
  serveHelp,
  shortUsage,
  submitHelp,
  workerHelp,
} from './help.js'
import { parseDedupArgs } from './parse-dedup-args.js'
import { parseFlags } from './parse-flags.js'
import { runDedup, type CliIo } from './run-dedup.js'
import { runExplain } from './run-explain.js'
import { runExtract } from './run-extract.js'
import { runIndex } from './run-index.js'
import { runReport } from './run-report.js'

export type { CliIo } from './run-dedup.js'

/**
 * Exit codes: 0 done; 1 unexpected failure; 2 bad input or usage (including `--strict`).
 *
 * @example
 * if ((await main(argv, io)) === EXIT.usage) …
 */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const

/**
 * Run the command line. Never exits the process: returns the exit code for the caller to set.
 * Data goes to `io.stdout`, help to stdout when asked for, everything else to `io.stderr`.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), {
 *   stdin: process.stdin,
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 * })
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === undefined) {
      io.stderr.write(mainHelp())
      return EXIT.usage
    }
    if (command.startsWith('-')) {
      const { values } = parseFlags(argv, MAIN_FLAGS, false)
      return print(io.stdout, values.boolean('version') ? `${version()}\n` : mainHelp())
    }
    switch (command) {
      case 'dedup': {
        const parsed = parseDedupArgs(rest)
        return parsed.help ? print(io.stdout, dedupHelp()) : await runDedup(parsed, io)
      }
      case 'extract': {
        const code = await runExtract(rest, io)
        return code === 'help' ? print(io.stdout, extractHelp()) : code
      }
      case 'explain': {
        const code = await runExplain(rest, io)
        return code === 'help' ? print(io.stdout, explainHelp()) : code
      }
      case 'report': {
        const code = await runReport(rest, io)
        return code === 'help' ? print(io.stdout, reportHelp()) : code
      }
      case 'index': {
        const code = await runIndex(rest, io)
        return code === 'help' ? print(io.stdout, indexHelp()) : code
      }
      case 'serve': {
        // Loaded only here: other commands never load the HTTP framework.
        const { runServe } = await import('./run-serve.js')
        const code = await runServe(rest, io)
        return code === 'help' ? print(io.stdout, serveHelp()) : code
      }
      case 'submit': {
        const { runSubmit } = await import('./run-submit.js')
        const code = await runSubmit(rest, io)
        return code === 'help' ? print(io.stdout, submitHelp()) : code
      }
      case 'worker': {
        const { runWorker } = await import('./run-worker.js')
        const code = await runWorker(rest, io)
        return code === 'help' ? print(io.stdout, workerHelp()) : code
      }
      case 'help':
        return print(io.stdout, helpFor(rest[0]))
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (error) {
    return report(error, isCommand(command) ? command : 'main', io)
  }
}

function helpFor(topic: string | undefined): string {
  if (topic === undefined) return mainHelp()
  if (topic === 'dedup') return dedupHelp()
  if (topic === 'explain') return explainHelp()
  if (topic === 'extract') return extractHelp()
  if (topic === 'report') return reportHelp()
  if (topic === 'index') return indexHelp()
  if (topic === 'serve') return serveHelp()
  if (topic === 'submit') return submitHelp()
  if (topic === 'worker') return workerHelp()
  throw new UsageError(`no help for "${topic}": there is no such command`)
}

function isCommand(name: string | undefined): name is Exclude<keyof typeof USAGE, 'main'> {
  return name !== undefined && name !== 'main' && name in USAGE
}

function print(out: CliIo['stdout'], text: string): number {
  out.write(text)
  return EXIT.ok
}

// One place maps errors to exit codes: ours are expected and need no stack trace.
function report(error: unknown, usage: keyof typeof USAGE, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr.write(`winnow: ${error.message}\n${shortUsage(usage)}`)
    return EXIT.usage
  }
  if (error instanceof WinnowError) {
    io.stderr.write(`winnow: ${error.message}\n`)
    return EXIT.usage
  }
  const message = error instanceof Error ? error.message : String(error)
  const stack = error instanceof Error && error.stack !== undefined ? error.stack : message
  const debug = (process.env['WINNOW_DEBUG'] ?? '') !== ''
  io.stderr.write(`winnow: unexpected error: ${debug ? stack : message}\n`)
  return EXIT.failure
}

function version(): string {
  // The same relative path works from src/cli (tests) and from dist/cli (the installed binary).
  const pkg: unknown = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  )
  return typeof pkg === 'object' && pkg !== null && 'version' in pkg
    ? String(pkg.version)
    : 'unknown'
}
