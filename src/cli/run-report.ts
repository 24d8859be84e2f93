// Run `winnow report`: read a dedup run's output (and its rejects and stats) and write the HTML.
import { once } from 'node:events'
import { InputError, UsageError } from '../errors.js'
import { readDedupOutput, readRejectsFile, readStatsFile } from '../io/read-dedup-output.js'
import { renderReport, type ReportInput } from '../report/render-report.js'
import { indexRecords, missingCanonicals } from '../pipeline/index-records.js'
import { openIndex } from '../pipeline/open-index.js'
import type { DedupRecord, Reject } from '../types.js'
import { REPORT_FLAGS } from './flags.js'
import { parseFlags } from './parse-flags.js'
import { checkNamespace } from './parse-dedup-args.js'
import type { CliIo } from './run-dedup.js'
import { openWritable } from './run-dedup.js'
import { formatReject } from './summary.js'

/**
 * Execute `winnow report <out.jsonl>`. A line that is not a dedup record is reported on stderr as
 * `file:line: reason` and left out (counted in the report); under `--strict` it stops the run.
 *
 * @example
 * await runReport(['out.jsonl', '-o', 'report.html'], io) // 0
 */
export async function runReport(args: readonly string[], io: CliIo): Promise<number | 'help'> {
  const { values, positionals } = parseFlags(args, REPORT_FLAGS, true)
  if (values.boolean('help')) return 'help'
  const [source] = positionals
  const indexPath = values.string('index')
  const namespace = values.string('namespace')
  if ((source === undefined && indexPath === undefined) || positionals.length > 1) {
    throw new UsageError(
      'report needs one input: the output of winnow dedup (or - for stdin), or --index',
    )
  }
  const quiet = values.boolean('quiet')
  const warn = (reject: Reject) => {
    if (values.boolean('strict')) {
      throw new InputError('strict_reject', reject.source, reject.line, reject.reason)
    }
    if (!quiet) io.stderr.write(`winnow: warning: ${formatReject(reject)}\n`)
  }
  const index =
    indexPath === undefined
      ? undefined
      : await openIndex({
          path: indexPath,
          ...(namespace === undefined ? {} : { namespace: checkNamespace(namespace, indexPath) }),
          readonly: true,
        })
  const output = await openWritable(values.string('output'), io.stdout)
  try {
    const records: DedupRecord[] = []
    let unreadable = 0
    if (source !== undefined) {
      for await (const row of readDedupOutput(source, source === '-' ? io.stdin : undefined)) {
        if ('kind' in row) {
          unreadable++
          warn(row)
        } else records.push(row)
      }
      if (records.length === 0 && unreadable > 0) {
        throw new InputError('input', source, undefined, 'no winnow dedup records in this file')
      }
      if (index !== undefined) records.push(...(await missingCanonicals(records, index)))
    } else if (index !== undefined) {
      for await (const record of indexRecords(index)) records.push(record)
    }
    const input: ReportInput = { records, source: source ?? indexPath ?? '', unreadable }
    const rejectsPath = values.string('rejects')
    if (rejectsPath !== undefined) {
      const read = await readRejectsFile(rejectsPath)
      read.unreadable.forEach(warn)
      input.rejects = read.rejects
    }
    const statsPath = values.string('stats')
    if (statsPath !== undefined) input.stats = await readStatsFile(statsPath)

    let bytes = 0
    for (const part of renderReport(input)) {
      bytes += Buffer.byteLength(part)
      if (!output.stream.write(part)) await once(output.stream, 'drain')
    }
    if (!quiet) {
      const where = values.string('output') ?? 'standard output'
      const clusters = new Set(records.map((record) => record.cluster)).size
      const size = (bytes / 1e6).toFixed(1)
      io.stderr.write(
        `winnow: report of ${records.length} documents in ${clusters} clusters written to ${where} (${size} MB)\n`,
      )
    }
    return 0
  } finally {
    await output.close()
    await index?.close()
  }
}
