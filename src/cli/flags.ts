// Every flag of the command line, declared once: these tables drive parsing, defaults and --help.
import type { ParseArgsConfig } from 'node:util'
import { DEFAULT_READ_OPTIONS } from '../io/read-options.js'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-corpus.js'

/** One command-line flag. */
export interface FlagSpec {
  name: string
  short?: string
  type: 'string' | 'boolean'
  /**
   * Value when the flag is absent. String flags take a string, as parseArgs does; a boolean flag
   * that defaults to true is shown as `--[no-]name`.
   */
  default?: string | boolean
  /** Placeholder for the value in help, for string flags. */
  value?: string
  description: string
}

// Numeric defaults come from the pipeline so that help and parsing cannot drift from them.
const dedupDefault = (name: keyof typeof DEFAULT_DEDUP_OPTIONS) =>
  String(DEFAULT_DEDUP_OPTIONS[name])

// Where a Redis index lives within its server; every command that takes an index takes it.
const NAMESPACE_FLAG: FlagSpec = {
  name: 'namespace',
  type: 'string',
  value: 'NAME',
  description: 'with a redis:// index: which of the indexes in that Redis (default winnow)',
}

/**
 * The flags of `winnow dedup`, in the order help lists them.
 *
 * @example
 * DEDUP_FLAGS.find((flag) => flag.name === 'threshold')?.default // '0.5'
 */
export const DEDUP_FLAGS: readonly FlagSpec[] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'FILE',
    description: 'write JSONL here instead of standard output',
  },
  { name: 'drop-duplicates', type: 'boolean', description: 'write only canonical documents' },
  {
    name: 'clean',
    type: 'boolean',
    default: DEFAULT_DEDUP_OPTIONS.clean,
    description: 'remove page furniture before comparing; --no-clean compares the raw text',
  },
  {
    name: 'threshold',
    type: 'string',
    value: 'X',
    default: dedupDefault('threshold'),
    description: 'estimated Jaccard similarity (0..1) that makes a near-duplicate',
  },
  {
    name: 'containment',
    type: 'string',
    value: 'X',
    default: dedupDefault('containment'),
    description:
      'share (0..1) of the smaller copy found in the larger that makes it a contained copy',
  },
  {
    name: 'shingle-size',
    type: 'string',
    value: 'N',
    default: dedupDefault('shingleSize'),
    description: 'words per shingle',
  },
  {
    name: 'permutations',
    type: 'string',
    value: 'N',
    default: dedupDefault('permutations'),
    description: 'MinHash signature length',
  },
  {
    name: 'bands',
    type: 'string',
    value: 'N',
    default: dedupDefault('bands'),
    description: 'LSH bands; must divide --permutations',
  },
  {
    name: 'method',
    type: 'string',
    value: 'NAME',
    default: DEFAULT_DEDUP_OPTIONS.method,
    description: 'minhash (LSH, then Jaccard and containment) or simhash (64-bit fingerprints)',
  },
  {
    name: 'max-distance',
    type: 'string',
    value: 'N',
    default: dedupDefault('maxDistance'),
    description: 'with --method simhash: the largest Hamming distance between copies (0..7)',
  },
  {
    name: 'id-field',
    type: 'string',
    value: 'NAME',
    default: DEFAULT_READ_OPTIONS.idField,
    description: 'JSONL field holding the document id',
  },
  {
    name: 'text-field',
    type: 'string',
    value: 'NAME',
    default: DEFAULT_READ_OPTIONS.textField,
    description: 'JSONL field holding the page text',
  },
  {
    name: 'url-field',
    type: 'string',
    value: 'NAME',
    default: DEFAULT_READ_OPTIONS.urlField,
    description: 'JSONL field holding the page URL',
  },
  {
    name: 'html-field',
    type: 'string',
    value: 'NAME',
    description:
      'JSONL field holding a raw HTML page; records that have it are extracted first (others use --text-field)',
  },
  {
    name: 'explain',
    type: 'boolean',
    description:
      'add "explain" to each line: the document it was matched with, its Jaccard similarity and containment to the canonical copy, and the thresholds',
  },
  {
    name: 'removed',
    type: 'boolean',
    description:
      'add "removed" to each line: every line cleaning removed, with the rule that removed it',
  },
  {
    name: 'index',
    type: 'string',
    value: 'FILE',
    description:
      'deduplicate against a persistent index (a SQLite file, or redis://host:port[/db] for the index shared on Redis; created if missing) and add the documents to it; each line then has a status: new, duplicate or already_seen',
  },
  {
    name: 'store-text',
    type: 'boolean',
    description: 'with --index: keep each cleaned text in the index too',
  },
  NAMESPACE_FLAG,
  {
    name: 'workers',
    type: 'string',
    value: 'N',
    description:
      'worker threads for cleaning and signing (default: one per core; 1 works on the main thread)',
  },
  {
    name: 'temp-dir',
    type: 'string',
    value: 'DIR',
    description:
      "folder for the run's temporary files: signatures and cleaned pages, about the size of the input (default: the system's)",
  },
  { name: 'stats', type: 'string', value: 'FILE', description: 'write the run summary as JSON' },
  {
    name: 'rejects',
    type: 'string',
    value: 'FILE',
    description: 'write every rejected input as JSONL {source, line, id, code, reason}',
  },
  {
    name: 'strict',
    type: 'boolean',
    description: 'stop at the first rejected input (exit code 2)',
  },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'print no summary and no warnings' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
]

/**
 * The flags `winnow` takes before any command.
 *
 * @example
 * MAIN_FLAGS.map((flag) => flag.name) // ['help', 'version']
 */
export const MAIN_FLAGS: readonly FlagSpec[] = [
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
  { name: 'version', short: 'v', type: 'boolean', description: 'print the version' },
]

// The dedup flags that shape cleaning and comparison, shared by `winnow explain`.
const COMPARISON_FLAGS = [
  'clean',
  'threshold',
  'containment',
  'shingle-size',
  'permutations',
  'bands',
  'method',
  'max-distance',
  'id-field',
  'text-field',
  'url-field',
  'html-field',
]

/**
 * The flags of `winnow explain`: the input to find the two documents in, the output form, and
 * the same cleaning and comparison flags as dedup.
 *
 * @example
 * EXPLAIN_FLAGS.map((flag) => flag.name).includes('threshold') // true
 */
export const EXPLAIN_FLAGS: readonly FlagSpec[] = [
  {
    name: 'in',
    type: 'string',
    value: 'INPUT',
    description:
      'a file or folder to read (as dedup reads it); <a> and <b> are then ids within it, cleaned against all of it',
  },
  { name: 'json', type: 'boolean', description: 'print the explanation as JSON' },
  ...DEDUP_FLAGS.filter((flag) => COMPARISON_FLAGS.includes(flag.name)),
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
]

// The dedup flags that `winnow extract` shares: reading, outputs and reporting.
const EXTRACT_SHARED = [
  'output',
  'id-field',
  'text-field',
  'url-field',
  'html-field',
  'stats',
  'rejects',
  'strict',
  'quiet',
  'help',
]

const EXTRACT_WORKERS_FLAG: FlagSpec = {
  name: 'workers',
  type: 'string',
  value: 'N',
  description:
    'worker threads for extracting pages (default: one per core; 1 works on the main thread)',
}

/**
 * The flags of `winnow extract`: those of dedup that say what to read and where to write, and its
 * worker threads.
 *
 * @example
 * EXTRACT_FLAGS.map((flag) => flag.name).includes('html-field') // true
 */
export const EXTRACT_FLAGS: readonly FlagSpec[] = DEDUP_FLAGS.filter((flag) =>
  EXTRACT_SHARED.includes(flag.name),
).flatMap((flag) => (flag.name === 'strict' ? [EXTRACT_WORKERS_FLAG, flag] : [flag]))

/**
 * The flags of `winnow report`: where the page goes, and what else is known of the run.
 *
 * @example
 * REPORT_FLAGS.find((flag) => flag.name === 'output')?.short // 'o'
 */
export const REPORT_FLAGS: readonly FlagSpec[] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'FILE',
    description: 'write the HTML report here instead of standard output',
  },
  {
    name: 'rejects',
    type: 'string',
    value: 'FILE',
    description: 'the rejects file of the same run (dedup --rejects), to count rejects by reason',
  },
  {
    name: 'stats',
    type: 'string',
    value: 'FILE',
    description: 'the stats file of the same run (dedup --stats), for the reject count and time',
  },
  {
    name: 'index',
    type: 'string',
    value: 'FILE',
    description:
      "an index (dedup --index): without <out.jsonl>, report everything it holds; with it, add the canonical copies of the run's clusters that earlier runs added",
  },
  NAMESPACE_FLAG,
  {
    name: 'strict',
    type: 'boolean',
    description: 'stop at the first line of the input that is not a dedup record (exit code 2)',
  },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'print no summary and no warnings' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
]

/**
 * The flags of `winnow index`: where an export goes, and what it holds.
 *
 * @example
 * INDEX_FLAGS.find((flag) => flag.name === 'clusters')?.type // 'boolean'
 */
export const INDEX_FLAGS: readonly FlagSpec[] = [
  {
    name: 'output',
    short: 'o',
    type: 'string',
    value: 'FILE',
    description: 'export: write JSONL here instead of standard output',
  },
  {
    name: 'clusters',
    type: 'boolean',
    description: 'export: one line per cluster with its members, instead of one per document',
  },
  NAMESPACE_FLAG,
  { name: 'quiet', short: 'q', type: 'boolean', description: 'print no summary' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
]

/**
 * The flags of `winnow serve`: the index, where to listen, and who may write.
 *
 * @example
 * SERVE_FLAGS.find((flag) => flag.name === 'port')?.default // '8080'
 */
export const SERVE_FLAGS: readonly FlagSpec[] = [
  {
    name: 'index',
    type: 'string',
    value: 'FILE',
    description:
      'the index to serve: a SQLite file (created if missing, with the default options) or redis://host:port[/db]',
  },
  NAMESPACE_FLAG,
  {
    name: 'host',
    type: 'string',
    value: 'HOST',
    default: '127.0.0.1',
    description: 'address to listen on; any other than loopback needs a token',
  },
  {
    name: 'port',
    type: 'string',
    value: 'PORT',
    default: '8080',
    description: 'port (0: any free)',
  },
  {
    name: 'token',
    type: 'string',
    value: 'TOKEN',
    description:
      'require Authorization: Bearer TOKEN on every route but /healthz and /metrics (or set WINNOW_TOKEN)',
  },
  {
    name: 'max-body',
    type: 'string',
    value: 'BYTES',
    default: '10mb',
    description: 'largest request body, as bytes or with kb or mb; larger ones get 413',
  },
  {
    name: 'threads',
    type: 'string',
    value: 'N',
    description:
      'worker threads that answer /v1/check, each reading the index (default: one per core; 0: the main thread)',
  },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'print nothing but errors' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
]

const QUEUE_FLAG: FlagSpec = {
  name: 'queue',
  type: 'string',
  value: 'URL',
  description: 'the redis://host:port[/db] that holds the job queue',
}

/**
 * The flags of `winnow submit`: where the queue is, and how to cut the input into jobs.
 *
 * @example
 * SUBMIT_FLAGS.find((flag) => flag.name === 'lines')?.default // '10000'
 */
export const SUBMIT_FLAGS: readonly FlagSpec[] = [
  QUEUE_FLAG,
  {
    name: 'namespace',
    type: 'string',
    value: 'NAME',
    description: 'whose queue: the namespace of the index the workers fill (default winnow)',
  },
  {
    name: 'lines',
    type: 'string',
    value: 'N',
    default: '10000',
    description: 'lines of a JSONL file per job (other inputs are one job each)',
  },
  { name: 'quiet', short: 'q', type: 'boolean', description: 'print no progress' },
  { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
]

// Flags of dedup that make no sense for a worker, which writes no output of its own.
const NOT_FOR_WORKERS = new Set([
  'output',
  'stats',
  'rejects',
  'explain',
  'removed',
  'drop-duplicates',
])

/**
 * The flags of `winnow worker`: the queue, how long a job stays claimed, and dedup's own.
 *
 * @example
 * WORKER_FLAGS.some((flag) => flag.name === 'threshold') // true
 */
export const WORKER_FLAGS: readonly FlagSpec[] = [
  QUEUE_FLAG,
  {
    name: 'until-empty',
    type: 'boolean',
    description:
      'stop when the queue holds no job waiting or running and no submit is running, instead of waiting for more',
  },
  {
    name: 'lock-seconds',
    type: 'string',
    value: 'S',
    default: '30',
    description:
      'a job whose worker stops answering this long is given to another worker (and redone)',
  },
  ...DEDUP_FLAGS.filter((flag) => !NOT_FOR_WORKERS.has(flag.name)),
]

/**
 * A flag table in the shape `node:util` parseArgs takes, defaults included.
 *
 * @example
 * parseArgsOptions(MAIN_FLAGS).version // { type: 'boolean', short: 'v' }
 */
export function parseArgsOptions(
  flags: readonly FlagSpec[],
): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    flags.map((flag) => [
      flag.name,
      {
        type: flag.type,
        ...(flag.short === undefined ? {} : { short: flag.short }),
        ...(flag.default === undefined ? {} : { default: flag.default }),
      },
    ]),
  )
}
