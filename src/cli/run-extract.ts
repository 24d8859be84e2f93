// Run `winnow extract`: read pages, extract each article and write one JSON line per document.
import { availableParallelism } from 'node:os'
import { InputError, UsageError } from '../errors.js'
import { readInputs } from '../io/read-inputs.js'
import { openOutput, writeJsonl, writeRejects } from '../io/write-jsonl.js'
import { createRunExecutor } from '../pipeline/dedup-passes.js'
import { dropSiteBoilerplate } from '../pipeline/drop-site-boilerplate.js'
import { createOrderedBatches } from '../pipeline/ordered-batches.js'
import type { ExtractedPage } from '../extract/extract-page.js'
import type { Reject, Skip } from '../types.js'
import { EXTRACT_FLAGS } from './flags.js'
import { fieldOptions, workersOf } from './parse-dedup-args.js'
import { parseFlags } from './parse-flags.js'
import { openWritable, type CliIo } from './run-dedup.js'
import { formatReject } from './summary.js'

/** The counts of an extraction run, printed as its summary and written by `--stats`. */
export interface ExtractStats {
  documents: number
  rejected: number
  empty: number
  skipped: Record<string, number>
  seconds: number
}

/**
 * Execute `winnow extract <input...>`: every page becomes one line
 * `{id, url, title, byline, published, lang, text}` in input order (text input passes through
 * with null metadata); lines a site prints on eight or more of its pages are dropped from its
 * pages' text; rejects go to stderr and `--rejects`, and stop the run under `--strict`.
 *
 * @example
 * await runExtract(['pages/', '-o', 'articles.jsonl'], io) // 0
 */
export async function runExtract(args: readonly string[], io: CliIo): Promise<number | 'help'> {
  const { values, positionals } = parseFlags(args, EXTRACT_FLAGS, true)
  if (values.boolean('help')) return 'help'
  if (positionals.length === 0)
    throw new UsageError('extract needs at least one input (a file, a folder or -)')
  const started = performance.now()
  const quiet = values.boolean('quiet')
  const stats: ExtractStats = { documents: 0, rejected: 0, empty: 0, skipped: {}, seconds: 0 }
  // Each reject with the number of the record it came from: extraction answers a batch at a
  // time, and the rejects file lists them in input order.
  const rejects: { record: number; reject: Reject }[] = []
  let records = 0
  const onSkip = (skip: Skip) => {
    stats.skipped[skip.type] = (stats.skipped[skip.type] ?? 0) + 1
  }
  const onReject = (reject: Reject, record: number) => {
    if (values.boolean('strict'))
      throw new InputError('strict_reject', reject.source, reject.line, reject.reason)
    if (!quiet) io.stderr.write(`winnow: warning: ${formatReject(reject)}\n`)
    rejects.push({ record, reject })
    stats.rejected++
  }
  const opened: Awaited<ReturnType<typeof openOutput>>[] = []
  try {
    const open = async (path: string | undefined) => {
      const output = await openWritable(path, io.stdout)
      opened.push(output)
      return output.stream
    }
    const out = await open(values.string('output'))
    const rejectsPath = values.string('rejects')
    const statsPath = values.string('stats')
    const rejectsOut = rejectsPath === undefined ? undefined : await open(rejectsPath)
    const statsOut = statsPath === undefined ? undefined : await open(statsPath)

    const read = { ...fieldOptions(values), stdin: io.stdin, onSkip }
    const ids = new Set<string>()
    // Every page is extracted first; site template lines are known only once all are read.
    const pages: { page: ExtractedPage; site?: string; text: string }[] = []
    const executor = createRunExecutor(workersOf(values) ?? availableParallelism())
    try {
      const batches = createOrderedBatches<number>(executor, 'extract', (numbers, result) => {
        if (result.stage !== 'extract') return
        result.pages.forEach((page, i) => {
          if ('kind' in page) {
            onReject(page, numbers[i] ?? 0)
            return
          }
          const text = page.article?.text ?? page.document.text
          const site = page.document.site
          pages.push({ page, text, ...(site === undefined ? {} : { site }) })
        })
      })
      for await (const record of readInputs(positionals, read)) {
        const number = records++
        if (record.kind === 'reject') {
          onReject(record, number)
          continue
        }
        if (ids.has(record.id)) {
          const reason = `duplicate id "${record.id}" (the first document with this id is kept)`
          onReject(
            { kind: 'reject', source: record.source, id: record.id, code: 'duplicate_id', reason },
            number,
          )
          continue
        }
        ids.add(record.id)
        await batches.add(number, { text: record.text, site: '', html: record })
      }
      await batches.finish()
    } finally {
      await executor.close()
    }
    const texts = dropSiteBoilerplate(pages)
    const lines = pages.map(({ page: { document, article } }, i) => {
      const text = texts[i] ?? ''
      stats.documents++
      if (text.trim() === '') stats.empty++
      return {
        id: document.id,
        url: document.url ?? null,
        title: article?.title ?? null,
        byline: article?.byline ?? null,
        published: article?.published ?? null,
        lang: article?.lang ?? null,
        text,
        ...(document.flags === undefined ? {} : { flags: document.flags }),
      }
    })
    await writeJsonl(lines, out)
    stats.seconds = Math.round(performance.now() - started) / 1000
    if (rejectsOut !== undefined) {
      rejects.sort((a, b) => a.record - b.record)
      await writeRejects(
        rejects.map(({ reject }) => reject),
        rejectsOut,
      )
    }
    statsOut?.write(`${JSON.stringify(stats, null, 2)}\n`)
    if (!quiet) io.stderr.write(`${extractSummaryLine(stats)}\n`)
    return 0
  } finally {
    for (const output of opened) await output.close()
  }
}

/**
 * The one-line summary of an extraction run.
 *
 * @example
 * extractSummaryLine({ documents: 3, rejected: 1, empty: 0, skipped: { request: 3 }, seconds: 0.2 })
 * // 'winnow: 3 documents extracted, 1 rejected, 0 empty, 3 skipped (3 request), 0.2 s'
 */
export function extractSummaryLine(stats: ExtractStats): string {
  const skipped = Object.entries(stats.skipped)
  const total = skipped.reduce((sum, [, count]) => sum + count, 0)
  const detail =
    skipped.length === 0 ? '' : ` (${skipped.map(([type, n]) => `${n} ${type}`).join(', ')})`
  return (
    `winnow: ${stats.documents} documents extracted, ${stats.rejected} rejected, ` +
    `${stats.empty} empty, ${total} skipped${detail}, ${stats.seconds.toFixed(1)} s`
  )
}
