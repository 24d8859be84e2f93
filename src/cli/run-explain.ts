// Run `winnow explain`: clean and compare two documents and print why they are or are not copies.
import { UsageError } from '../errors.js'
import { readInputs } from '../io/read-inputs.js'
import { DEFAULT_DEDUP_OPTIONS, dedupCorpus, type DedupOptions } from '../pipeline/dedup-corpus.js'
import { explainPair, type PairExplanation } from '../pipeline/explain-pair.js'
import { extractDocuments } from '../extract/extract-page.js'
import type { InputDocument, InputRecord } from '../types.js'
import { EXPLAIN_FLAGS } from './flags.js'
import { comparisonOptions, fieldOptions } from './parse-dedup-args.js'
import { parseFlags } from './parse-flags.js'
import type { CliIo } from './run-dedup.js'

/**
 * Execute `winnow explain <a> <b>`. Without `--in`, a and b are files, cleaned against each other;
 * with it, they are ids in that input, cleaned against all of it as dedup would.
 *
 * @example
 * await runExplain(['a.txt', 'b.txt', '--json'], io) // 0
 */
export async function runExplain(args: readonly string[], io: CliIo): Promise<number | 'help'> {
  const { values, positionals } = parseFlags(args, EXPLAIN_FLAGS, true)
  if (values.boolean('help')) return 'help'
  if (positionals.length !== 2) throw new UsageError('explain needs two documents: <a> <b>')
  const [first = '', second = ''] = positionals
  const source = values.string('in')
  const options: DedupOptions = {
    ...DEFAULT_DEDUP_OPTIONS,
    ...comparisonOptions(values),
    removed: true,
  }
  const read = { ...fieldOptions(values), stdin: io.stdin }
  const documents: InputDocument[] = []
  async function* remember(records: AsyncIterable<InputRecord>): AsyncGenerator<InputRecord> {
    for await (const record of records) {
      if (record.kind === 'document') documents.push(record)
      yield record
    }
  }
  const paths = source === undefined ? [first, second] : [source]
  const run = await dedupCorpus(remember(extractDocuments(readInputs(paths, read))), options)
  const find = (id: string, position: number) => {
    const index = source === undefined ? position : documents.findIndex((doc) => doc.id === id)
    const doc = documents[index]
    const record = run.records[index]
    if (doc === undefined || record === undefined || (source !== undefined && doc.id !== id)) {
      throw new UsageError(
        source === undefined
          ? `no document read from ${id}`
          : `no document with id "${id}" in ${source}`,
      )
    }
    return { doc, record }
  }
  const a = find(first, 0)
  const b = find(second, source === undefined ? documents.length - 1 : 1)
  const explanation = explainPair(a.doc, a.record, b.doc, b.record, {
    ...DEFAULT_DEDUP_OPTIONS,
    ...options,
  })
  io.stdout.write(
    values.boolean('json')
      ? `${JSON.stringify(explanation, null, 2)}\n`
      : renderExplanation(explanation),
  )
  return 0
}

// The comparison that holds between a check's value and its threshold.
function relation(check: PairExplanation['checks'][number]): string {
  if (check.bound === 'max') return check.passed ? '<=' : '> '
  return check.passed ? '>=' : '< '
}

const DIFF_MARK = { shared: '= ', a: '- ', b: '+ ', removed_a: '~a', removed_b: '~b' } as const

/**
 * The explanation as text for a terminal.
 *
 * @example
 * stdout.write(renderExplanation(explainPair(…)))
 */
export function renderExplanation(e: PairExplanation): string {
  const n = (x: number) => x.toFixed(3)
  const side = (label: string, s: PairExplanation['a']) =>
    `${label}: ${s.id} — cleaned ${s.tokens} tokens, ${s.shingles} shingles; ${s.removedLines} of ${s.lines} lines removed; cluster ${s.cluster}`
  const checks = e.checks.map(
    (check) =>
      `  ${check.name.padEnd(9)} ${n(check.value)} ${relation(check)} ${n(check.threshold)}  ${check.passed ? 'passed' : 'failed'}`,
  )
  const diff = e.diff.map(
    (row) => `${DIFF_MARK[row.kind]} ${row.rule === undefined ? '' : `[${row.rule}] `}${row.text}`,
  )
  return [
    side('a', e.a),
    side('b', e.b),
    '',
    `Jaccard: estimated ${n(e.estimatedJaccard)}, exact ${n(e.exactJaccard)}`,
    `Containment: a in b ${n(e.containmentAInB)}, b in a ${n(e.containmentBInA)} (estimated, smaller in larger: ${n(e.estimatedContainment)})`,
    `LSH: ${e.lshCandidate ? 'candidates' : 'not candidates'} (${e.bandsAgreeing} of ${e.bands} bands agree)`,
    'Checks:',
    ...checks,
    `Verdict: ${e.verdict === null ? 'not copies' : `${e.verdict} copies`}; ${e.sameCluster ? 'same cluster' : 'different clusters'} in this run`,
    '',
    ...diff,
    '',
  ].join('\n')
}
