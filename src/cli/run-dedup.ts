// Run `winnow dedup`: read, deduplicate, write the records, rejects, stats and summary.
import { writeFile } from 'node:fs/promises'
import type { Writable } from 'node:stream'
import { InputError } from '../errors.js'
import { readInputs } from '../io/read-inputs.js'
import { openOutput, writeJsonl } from '../io/write-jsonl.js'
import { dedupCorpus } from '../pipeline/dedup-corpus.js'
import type { Reject, RunStats } from '../types.js'
import type { DedupCommand } from './parse-dedup-args.js'

/** The streams a command talks to. */
export interface CliIo {
  stdin: AsyncIterable<Uint8Array | string>
  stdout: Writable
  stderr: Writable
}

/**
 * Execute a parsed dedup command. Outputs are opened first, so an unwritable `-o` path fails
 * before any work; rejects are reported on stderr as they are read (`file:line: reason`).
 *
 * @example
 * await runDedup(parseDedupArgs(['pages/']), { stdin, stdout, stderr }) // 0
 */
export async function runDedup(command: DedupCommand, io: CliIo): Promise<number> {
  const output = await openOutput(command.output, io.stdout)
  try {
    const onReject = (reject: Reject) => {
      if (command.strict)
        throw new InputError('strict_reject', reject.source, reject.line, reject.reason)
      if (!command.quiet) io.stderr.write(`winnow: warning: ${formatReject(reject)}\n`)
    }
    const input = readInputs(command.inputs, { ...command.read, stdin: io.stdin })
    const run = await dedupCorpus(input, command.dedup, { onReject })
    const records = command.dropDuplicates
      ? run.records.filter((record) => record.canonical)
      : run.records
    await writeJsonl(records, output.stream)
    if (command.rejects !== undefined) {
      const rejects = run.rejects.map(({ source, line, id, code, reason }) => ({
        source,
        line,
        id,
        code,
        reason,
      }))
      await writeFile(command.rejects, rejects.map((r) => `${JSON.stringify(r)}\n`).join(''))
    }
    if (command.stats !== undefined)
      await writeFile(command.stats, `${JSON.stringify(run.stats, null, 2)}\n`)
    if (!command.quiet) io.stderr.write(`${summaryLine(run.stats)}\n`)
    return 0
  } finally {
    await output.close()
  }
}

/** `file:line: reason`, the form editors and terminals link to. */
export function formatReject(reject: Reject): string {
  return `${reject.source}${reject.line === undefined ? '' : `:${reject.line}`}: ${reject.reason}`
}

/**
 * The one-line summary printed on stderr.
 *
 * @example
 * summaryLine(stats) // 'winnow: 10 documents, 7 clusters, 3 duplicates (1 exact, 2 near), 0 rejected, 0 empty, 0.1 s'
 */
export function summaryLine(stats: RunStats): string {
  return (
    `winnow: ${stats.documents} documents, ${stats.clusters} clusters, ${stats.duplicates} duplicates ` +
    `(${stats.exact_duplicates} exact, ${stats.near_duplicates} near), ${stats.rejected} rejected, ` +
    `${stats.empty} empty, ${stats.invalid_utf8} invalid UTF-8, ${stats.seconds.toFixed(1)} s`
  )
}
