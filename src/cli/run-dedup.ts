// Run `winnow dedup`: read, deduplicate, write the records, rejects, stats and summary.
import type { Writable } from 'node:stream'
import { InputError, WinnowError } from '../errors.js'
import { readInputs } from '../io/read-inputs.js'
import { openOutput, writeJsonl } from '../io/write-jsonl.js'
import { dedupCorpus } from '../pipeline/dedup-corpus.js'
import type { Reject } from '../types.js'
import type { DedupCommand } from './parse-dedup-args.js'
import { createProgressReporter } from './progress-reporter.js'
import { formatReject, summaryLine } from './summary.js'

/** The streams a command talks to: the process's own, or in-memory ones in tests. */
export interface CliIo {
  stdin: AsyncIterable<Uint8Array | string>
  stdout: Writable
  stderr: Writable
}

type Output = Awaited<ReturnType<typeof openOutput>>

/**
 * Execute a parsed dedup command. Every output file is opened first, so an unwritable path fails
 * before any work; rejects are reported on stderr as they are read (`file:line: reason`), and under
 * `--strict` the first one stops the run with an InputError.
 *
 * @example
 * await runDedup(command, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }) // 0
 */
export async function runDedup(command: DedupCommand, io: CliIo): Promise<number> {
  const opened: Output[] = []
  try {
    const open = async (path: string | undefined) => {
      const output = await openWritable(path, io.stdout)
      opened.push(output)
      return output.stream
    }
    const out = await open(command.output)
    const rejectsOut = command.rejects === undefined ? undefined : await open(command.rejects)
    const statsOut = command.stats === undefined ? undefined : await open(command.stats)

    const onReject = (reject: Reject) => {
      if (command.strict)
        throw new InputError('strict_reject', reject.source, reject.line, reject.reason)
      if (!command.quiet) io.stderr.write(`winnow: warning: ${formatReject(reject)}\n`)
    }
    const input = readInputs(command.inputs, { ...command.read, stdin: io.stdin })
    const progress = command.quiet
      ? undefined
      : createProgressReporter(io.stderr, {
          interactive: (io.stderr as { isTTY?: boolean }).isTTY === true,
        })
    const run = await dedupCorpus(input, command.dedup, {
      onReject,
      ...(progress === undefined ? {} : { onProgress: progress.update }),
    })
    progress?.finish()

    await writeJsonl(
      command.dropDuplicates ? run.records.filter((record) => record.canonical) : run.records,
      out,
    )
    if (rejectsOut !== undefined) {
      // The documented shape, without the internal `kind`; an absent line or id is left out.
      const rows = run.rejects.map(({ source, line, id, code, reason }) => ({
        source,
        line,
        id,
        code,
        reason,
      }))
      await writeJsonl(rows, rejectsOut)
    }
    statsOut?.write(`${JSON.stringify(run.stats, null, 2)}\n`)
    if (!command.quiet) io.stderr.write(`${summaryLine(run.stats)}\n`)
    return 0
  } finally {
    for (const output of opened) await output.close()
  }
}

/**
 * Open `-o FILE` (or standard output); a path that cannot be opened is a mistake on the command
 * line (exit 2), not a crash.
 *
 * @example
 * const output = await openWritable('report.html', io.stdout)
 */
export async function openWritable(path: string | undefined, stdout: Writable): Promise<Output> {
  try {
    return await openOutput(path, stdout)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new WinnowError('usage', `cannot write ${path ?? 'standard output'}: ${reason}`, {
      cause: error,
    })
  }
}
