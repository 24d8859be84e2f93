// Run `winnow dedup`: read, deduplicate, write the records, rejects, stats and summary.
import { rm } from 'node:fs/promises'
import type { Writable } from 'node:stream'
import { InputError, WinnowError } from '../errors.js'
import { readInputs } from '../io/read-inputs.js'
import { createJsonlWriter, openOutput, writeRejects } from '../io/write-jsonl.js'
import { runDedupPasses } from '../pipeline/dedup-passes.js'
import { openIndex } from '../pipeline/open-index.js'
import type { IndexStore } from '../store/index-store.js'
import type { Reject, Skip } from '../types.js'
import { commandIndex, commandResources, type DedupCommand } from './parse-dedup-args.js'
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
  let finished = false
  let index: IndexStore | undefined
  try {
    const open = async (path: string | undefined) => {
      const output = await openWritable(path, io.stdout)
      opened.push(output)
      return output.stream
    }
    const out = await open(command.output)
    const rejectsOut = command.rejects === undefined ? undefined : await open(command.rejects)
    const statsOut = command.stats === undefined ? undefined : await open(command.stats)
    if (command.index !== undefined) {
      index = await openIndex(commandIndex(command, command.index))
    }

    const onReject = (reject: Reject) => {
      if (command.strict)
        throw new InputError('strict_reject', reject.source, reject.line, reject.reason)
      if (!command.quiet) io.stderr.write(`winnow: warning: ${formatReject(reject)}\n`)
    }
    const skipped: Record<string, number> = {}
    const onSkip = (skip: Skip) => {
      skipped[skip.type] = (skipped[skip.type] ?? 0) + 1
    }
    const progress = command.quiet
      ? undefined
      : createProgressReporter(io.stderr, {
          interactive: (io.stderr as { isTTY?: boolean }).isTTY === true,
        })
    const writer = createJsonlWriter(out)
    const input = readInputs(command.inputs, { ...command.read, stdin: io.stdin, onSkip })
    const run = await runDedupPasses(
      input,
      {
        ...command.dedup,
        ...commandResources(command),
        ...(index === undefined
          ? {}
          : {
              index: {
                store: index,
                storeText: command.storeText,
                ...(command.counted === true ? { counted: true } : {}),
              },
            }),
      },
      { onReject, ...(progress === undefined ? {} : { onProgress: progress.update }) },
      (record) => (command.dropDuplicates && !record.canonical ? undefined : writer.write(record)),
    )
    progress?.finish()
    if (Object.keys(skipped).length > 0) run.stats.skipped = skipped

    if (rejectsOut !== undefined) {
      await writeRejects(run.rejects, rejectsOut)
    }
    statsOut?.write(`${JSON.stringify(run.stats, null, 2)}\n`)
    if (!command.quiet) io.stderr.write(`${summaryLine(run.stats)}\n`)
    finished = true
    return 0
  } finally {
    await index?.close()
    for (const output of opened) await output.close()
    // A run that stopped leaves no half-written files behind to be taken for results.
    if (!finished) {
      const files = [command.output, command.rejects, command.stats]
      for (const file of files)
        if (file !== undefined && file !== '-') await rm(file, { force: true })
    }
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
