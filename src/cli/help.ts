// Help and usage texts, built from the flag tables so that they cannot drift from what is parsed.
import {
  DEDUP_FLAGS,
  EXPLAIN_FLAGS,
  EXTRACT_FLAGS,
  INDEX_FLAGS,
  MAIN_FLAGS,
  REPORT_FLAGS,
  SERVE_FLAGS,
  SUBMIT_FLAGS,
  WORKER_FLAGS,
  type FlagSpec,
} from './flags.js'

/** Help lines stay within a common terminal width. */
export const HELP_WIDTH = 100

const NAME_COLUMN = 28
const DESCRIPTION_INDENT = ' '.repeat(2 + NAME_COLUMN + 1)

/** The one-line usage of each command, also printed after a usage error. */
export const USAGE = {
  main: 'Usage: winnow <command> [options]',
  dedup: 'Usage: winnow dedup <input...> [options]',
  explain: 'Usage: winnow explain <a> <b> [--in INPUT] [options]',
  extract: 'Usage: winnow extract <input...> [options]',
  report:
    'Usage: winnow report <out.jsonl> [-o report.html] [options]\n       winnow report --index corpus.db [-o report.html] [options]',
  index: 'Usage: winnow index <stats|export|compact> <corpus.db | redis://host:port> [options]',
  serve: 'Usage: winnow serve --index corpus.db [--host 127.0.0.1] [--port 8080] [--token T]',
  submit: 'Usage: winnow submit <input...> --queue redis://host:port [--namespace NAME]',
  worker: 'Usage: winnow worker --queue redis://host:port --index redis://host:port [options]',
} as const

/** The commands `winnow` knows, for dispatch and help. */
export const COMMANDS = [
  {
    name: 'dedup',
    args: '<input...>',
    description: 'clean pages and cluster exact and near-duplicate copies',
  },
  {
    name: 'extract',
    args: '<input...>',
    description: 'recover the article and its metadata from HTML pages and WARC files',
  },
  {
    name: 'explain',
    args: '<a> <b>',
    description: 'show why two documents are, or are not, copies',
  },
  {
    name: 'report',
    args: '<out.jsonl>',
    description: 'write an HTML report of the clusters and what cleaning removed',
  },
  {
    name: 'index',
    args: '<action> <db>',
    description: 'show, export or compact a persistent index (dedup --index)',
  },
  {
    name: 'serve',
    args: '--index <db>',
    description: 'answer "have I seen this page?" over HTTP, and serve the report',
  },
  {
    name: 'submit',
    args: '<input...>',
    description: 'put the input on a Redis job queue for workers on many machines',
  },
  {
    name: 'worker',
    args: '--queue <url>',
    description: 'take jobs from the queue and deduplicate them into the shared index',
  },
  { name: 'help', args: '[command]', description: 'show help for a command' },
] as const

/** A command name as `winnow` dispatches it. */
export type CommandName = (typeof COMMANDS)[number]['name']

/**
 * The options section line for one flag, its description wrapped under itself.
 *
 * @example
 * flagHelp({ name: 'strict', type: 'boolean', description: 'stop at the first reject' })
 * // '      --strict                 stop at the first reject'
 */
export function flagHelp(flag: FlagSpec): string {
  const negatable = flag.type === 'boolean' && flag.default === true
  const short = flag.short === undefined ? '    ' : `-${flag.short}, `
  const value = flag.value === undefined ? '' : ` ${flag.value}`
  const names = `${short}--${negatable ? '[no-]' : ''}${flag.name}${value}`
  const shownDefault = typeof flag.default === 'string' ? flag.default : flag.default ? 'on' : ''
  const description = `${flag.description}${shownDefault === '' ? '' : ` (default: ${shownDefault})`}`
  return wrap(`  ${names.padEnd(NAME_COLUMN)} `, description)
}

/**
 * `winnow dedup --help`.
 *
 * @example
 * stdout.write(dedupHelp())
 */
export function dedupHelp(): string {
  return [
    USAGE.dedup,
    '',
    'Clean crawled pages and cluster exact and near-duplicate copies, keeping one canonical copy',
    'per cluster. Inputs are files and folders (read recursively): .txt and .md files are one',
    'document each; .jsonl and .ndjson files (also .gz) are one document per line; .html and .htm',
    'files are one page each, and .warc and .wet files (also .gz) one page per HTML response or',
    'text conversion record, their article extracted first; - reads JSONL from standard input.',
    'Writes one JSON line per document, in input order:',
    '{id, url, cluster, canonical, duplicate_of, similarity, reason, text, flags}.',
    'A summary goes to standard error; rejected input is reported there as file:line: reason.',
    '',
    'Options:',
    ...DEDUP_FLAGS.map(flagHelp),
    '',
    'Exit codes: 0 done, 1 unexpected failure, 2 bad input or usage.',
    '',
    'Examples:',
    '  winnow dedup pages/ -o deduped.jsonl',
    '  winnow dedup crawl.jsonl.gz --text-field body --drop-duplicates --stats stats.json',
    '  cat crawl.jsonl | winnow dedup - --threshold 0.6 > deduped.jsonl',
    '',
  ].join('\n')
}

/**
 * `winnow extract --help`.
 *
 * @example
 * stdout.write(extractHelp())
 */
export function extractHelp(): string {
  return [
    USAGE.extract,
    '',
    'Recover the article from each page: its main text, one paragraph a line, without menus,',
    'sidebars, link lists, captions or share boxes, and its title, byline, publication date and',
    'language. Inputs are read as dedup reads them: .html and .htm files, .warc and .wet files',
    '(also .gz; HTML responses and text conversions, other records skipped and counted), JSONL',
    'with --html-field; text input passes through. Writes one JSON line per document, in input',
    'order: {id, url, title, byline, published, lang, text}. Absent facts are null. Lines that a',
    'site prints on eight or more of its pages (pages with a URL) are left out as its template.',
    '',
    'Options:',
    ...EXTRACT_FLAGS.map(flagHelp),
    '',
    'Exit codes: 0 done, 1 unexpected failure, 2 bad input or usage.',
    '',
    'Examples:',
    '  winnow extract pages/ -o articles.jsonl',
    '  winnow extract CC-MAIN-00000.warc.gz --rejects rejects.jsonl > articles.jsonl',
    '',
  ].join('\n')
}

/**
 * `winnow explain --help`.
 *
 * @example
 * stdout.write(explainHelp())
 */
export function explainHelp(): string {
  return [
    USAGE.explain,
    '',
    'Show why two documents are, or are not, copies: the size of each cleaned text, the estimated',
    'and the exact Jaccard similarity of their shingles, containment each way, whether LSH makes',
    'them candidates and which check passes, then an aligned diff of the two pages: shared lines,',
    'lines only one has, and the furniture cleaning removed, with the rule that removed it.',
    '<a> and <b> are two files, or with --in two document ids within that input.',
    '',
    'Options:',
    ...EXPLAIN_FLAGS.map(flagHelp),
    '',
    'Diff marks: "=" in both cleaned texts, "-" only in a, "+" only in b, "~a"/"~b" removed.',
    '',
    'Examples:',
    '  winnow explain capture-1.txt capture-2.txt',
    '  winnow explain --in crawl.jsonl.gz dev-00042 dev-00977 --json',
    '',
  ].join('\n')
}

/**
 * `winnow report --help`.
 *
 * @example
 * stdout.write(reportHelp())
 */
export function reportHelp(): string {
  return [
    USAGE.report,
    '',
    'Write one self-contained HTML file (no network needed; it opens from disk) from the output of',
    'winnow dedup: an overview (documents, clusters, duplicates, rejects by reason, duplicate rate',
    'and share of each page removed per site, charts of cluster sizes and of similarity) and a',
    'cluster browser (search by id, URL or text; each copy beside its canonical copy, aligned, with',
    'the reason it joined and the lines cleaning removed, marked with their rule). Run dedup with',
    '--explain --removed for all of it; - reads the output from standard input.',
    '',
    'Options:',
    ...REPORT_FLAGS.map(flagHelp),
    '',
    'Exit codes: 0 done, 1 unexpected failure, 2 bad input or usage.',
    '',
    'Examples:',
    '  winnow dedup pages/ --explain --removed -o out.jsonl --rejects rejects.jsonl',
    '  winnow report out.jsonl --rejects rejects.jsonl -o report.html',
    '  winnow report --index corpus.db -o index.html',
    '',
  ].join('\n')
}

/**
 * `winnow index --help`.
 *
 * @example
 * stdout.write(indexHelp())
 */
export function indexHelp(): string {
  return [
    USAGE.index,
    '',
    'Look after an index that winnow dedup --index keeps (a SQLite file, or redis://host:port):',
    '  stats    counts and sizes, as JSON',
    '  export   every document as JSONL {id, url, fetched_at, cluster, canonical, duplicate_of,',
    '           similarity, reason, content_hash, tokens, cleaned_length, text?}; with --clusters,',
    '           every cluster {cluster, size, members}',
    '  compact  fold the write-ahead log into the file and reclaim free pages',
    '',
    'Options:',
    ...INDEX_FLAGS.map(flagHelp),
    '',
    'Exit codes: 0 done, 1 unexpected failure, 2 bad input or usage (including an index that',
    'is missing, damaged or written by a newer winnow).',
    '',
    'Examples:',
    '  winnow dedup today/ --index corpus.db -o today.jsonl',
    '  winnow index stats corpus.db',
    '  winnow index export corpus.db --clusters -o clusters.jsonl',
    '',
  ].join('\n')
}

/**
 * `winnow serve --help`.
 *
 * @example
 * stdout.write(serveHelp())
 */
export function serveHelp(): string {
  return [
    USAGE.serve,
    '',
    'Serve an index over HTTP: a crawler asks whether it has seen a page, and adds pages as it',
    'goes. Routes (JSON in and out):',
    '  POST /v1/documents      add {id, text | html, url?, fetched_at?}, or {documents: [...]}',
    '                          in one step; answers {id, status, cluster, duplicate_of,',
    '                          similarity}, or {results: [...]} in the same order',
    '  POST /v1/check          the same answer for one document, without adding it',
    '  GET  /v1/documents/:id  a document as the index holds it',
    '  GET  /v1/clusters/:id   a cluster and its members, by a member id',
    '  GET  /                  the report of the index, with a form to check a pasted page',
    '  GET  /healthz, /metrics liveness, and Prometheus metrics',
    '',
    'Options:',
    ...SERVE_FLAGS.map(flagHelp),
    '',
    'Exit codes: 0 stopped by SIGINT or SIGTERM, 1 unexpected failure, 2 bad usage or index',
    '(including a non-loopback --host without a token).',
    '',
    'Examples:',
    '  winnow serve --index corpus.db --port 8080',
    `  curl -s localhost:8080/v1/check -d '{"id":"p1","text":"…"}'`,
    '',
  ].join('\n')
}

/**
 * `winnow submit --help`.
 *
 * @example
 * stdout.write(submitHelp())
 */
export function submitHelp(): string {
  return [
    USAGE.submit,
    '',
    'Cut the input into jobs on a BullMQ queue in Redis (a JSONL file in ranges of --lines',
    'lines, any other input whole) and report until every job is done. Workers on any number of',
    'machines (winnow worker) take the jobs and deduplicate them into one shared index.',
    '',
    'Options:',
    ...SUBMIT_FLAGS.map(flagHelp),
    '',
    'Exit codes: 0 every job done, 1 a job failed after its retries, 2 bad usage.',
    '',
    'Examples:',
    '  winnow submit crawl.jsonl.gz --queue redis://10.0.0.5:6379 --namespace news',
    '',
  ].join('\n')
}

/**
 * `winnow worker --help`.
 *
 * @example
 * stdout.write(workerHelp())
 */
export function workerHelp(): string {
  return [
    USAGE.worker,
    '',
    'Take jobs from the queue and run winnow dedup on each into the shared index; the other',
    "options are dedup's and apply to every job. A job whose worker dies is given to another",
    'one after --lock-seconds, and redone: documents the index already holds are not added again.',
    '',
    'Options:',
    ...WORKER_FLAGS.map(flagHelp),
    '',
    'Examples:',
    '  winnow worker --queue redis://10.0.0.5:6379 --index redis://10.0.0.5:6379 --namespace news',
    '',
  ].join('\n')
}

/**
 * `winnow --help`.
 *
 * @example
 * stdout.write(mainHelp())
 */
export function mainHelp(): string {
  const commands = COMMANDS.map(
    (command) =>
      `  ${`${command.name} ${command.args}`.padEnd(NAME_COLUMN)} ${command.description}`,
  )
  return [
    USAGE.main,
    '',
    'Turn crawled web and news pages into a clean, deduplicated corpus.',
    '',
    'Commands:',
    ...commands,
    '',
    'Options:',
    ...MAIN_FLAGS.map(flagHelp),
    '',
    'Example:',
    '  winnow dedup pages/ -o deduped.jsonl',
    '',
    "Run 'winnow <command> --help' for every option of a command.",
    '',
  ].join('\n')
}

/**
 * What follows a usage error: the command's usage line and where to find more.
 *
 * @example
 * shortUsage('dedup') // "Usage: winnow dedup <input...> [options]\nRun 'winnow dedup --help' …"
 */
export function shortUsage(command: keyof typeof USAGE): string {
  const helpCommand = command === 'main' ? 'winnow --help' : `winnow ${command} --help`
  return `${USAGE[command]}\nRun '${helpCommand}' for more information.\n`
}

// Greedy word wrap; continuation lines start under the description column.
function wrap(prefix: string, text: string): string {
  const lines: string[] = []
  let current = prefix
  for (const word of text.split(' ')) {
    const fits = current.length + word.length <= HELP_WIDTH
    if (!fits && current.trim() !== '' && current !== prefix) {
      lines.push(current.trimEnd())
      current = DESCRIPTION_INDENT
    }
    current += `${word} `
  }
  lines.push(current.trimEnd())
  return lines.join('\n')
}
