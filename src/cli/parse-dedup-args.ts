// Turn `winnow dedup` arguments into checked options; every mistake is a UsageError.
import { availableParallelism } from 'node:os'
import { UsageError } from '../errors.js'
import type { ReadOptions } from '../io/read-options.js'
import type { DedupOptions } from '../pipeline/dedup-corpus.js'
import { isRedisUrl, type OpenIndexOptions } from '../pipeline/open-index.js'
import { DEDUP_FLAGS } from './flags.js'
import { parseFlags, type FlagValues } from './parse-flags.js'

/** What `winnow dedup` was asked to run. */
export interface DedupCommand {
  help: false
  inputs: string[]
  output?: string
  stats?: string
  rejects?: string
  dropDuplicates: boolean
  strict: boolean
  quiet: boolean
  read: Omit<ReadOptions, 'stdin'>
  dedup: DedupOptions
  /** Worker threads; undefined for one per core. */
  workers?: number
  tempDir?: string
  /** A persistent index to deduplicate against and add to. */
  index?: string
  /** Which index of a Redis server. */
  namespace?: string
  storeText: boolean
  /**
   * The index's statistics already count this input (a queued job's, set by `winnow worker`
   * rather than a flag): see `RunResources` in pipeline/dedup-passes.ts.
   */
  counted?: boolean
}

/**
 * The command's index as `openIndex` takes it: a missing one is created with the run's options.
 *
 * @example
 * await openIndex(commandIndex(command, command.index))
 */
export function commandIndex(command: DedupCommand, path: string): OpenIndexOptions {
  return {
    path,
    ...(command.namespace === undefined ? {} : { namespace: command.namespace }),
    create: command.dedup,
  }
}

/**
 * The threads and temporary folder a run of the command uses: one worker per core by default.
 *
 * @example
 * runDedupPasses(input, { ...command.dedup, ...commandResources(command) }, hooks, write)
 */
export function commandResources(command: DedupCommand): { workers: number; tempDir?: string } {
  return {
    workers: command.workers ?? availableParallelism(),
    ...(command.tempDir === undefined ? {} : { tempDir: command.tempDir }),
  }
}

// A signature of a million entries is far beyond any useful setting; a bound keeps a typo such
// as `--permutations 1280000` from exhausting memory instead of failing fast.
const MAX_COUNT = 100_000

/**
 * Parse and check the arguments after `dedup`. Absent flags take the defaults of the flag table;
 * `--help` wins over everything but an unknown flag.
 *
 * @example
 * const command = parseDedupArgs(['pages/', '--threshold', '0.6'])
 * if (!command.help) command.dedup.threshold // 0.6
 */
export function parseDedupArgs(args: readonly string[]): DedupCommand | { help: true } {
  const { values, positionals } = parseFlags(args, DEDUP_FLAGS, true)
  if (values.boolean('help')) return { help: true }
  if (positionals.length === 0)
    throw new UsageError('dedup needs at least one input (a file, a folder or -)')

  const dedup: DedupOptions = {
    ...comparisonOptions(values),
    explain: values.boolean('explain'),
    removed: values.boolean('removed'),
  }
  const command: DedupCommand = {
    help: false,
    inputs: positionals,
    dropDuplicates: values.boolean('drop-duplicates'),
    strict: values.boolean('strict'),
    quiet: values.boolean('quiet'),
    read: fieldOptions(values),
    dedup,
    storeText: values.boolean('store-text'),
  }
  for (const name of ['output', 'stats', 'rejects'] as const) {
    const value = values.string(name)
    if (value !== undefined) command[name] = value
  }
  const workers = workersOf(values)
  if (workers !== undefined) command.workers = workers
  const tempDir = values.string('temp-dir')
  if (tempDir !== undefined) command.tempDir = tempDir
  const index = values.string('index')
  if (index !== undefined) command.index = checkIndexUse(index, command)
  else if (command.storeText) throw new UsageError('--store-text needs --index')
  const namespace = values.string('namespace')
  if (namespace !== undefined) command.namespace = checkNamespace(namespace, index)
  return command
}

/**
 * A namespace goes with a Redis index only, and must be a name: it becomes the keys' hash tag.
 *
 * @example
 * checkNamespace('news', 'redis://127.0.0.1:6379') // 'news'
 */
export function checkNamespace(namespace: string, index: string | undefined): string {
  if (index === undefined || !isRedisUrl(index)) {
    throw new UsageError('--namespace goes with a redis:// index')
  }
  if (!/^[\w.-]{1,100}$/.test(namespace)) {
    throw new UsageError(
      `--namespace takes a name of letters, digits, '.', '_' and '-' (got "${namespace}")`,
    )
  }
  return namespace
}

// An index keeps MinHash band keys and shingle sets, not pair measurements.
function checkIndexUse(index: string, command: DedupCommand): string {
  if (index === '' || index === '-')
    throw new UsageError('--index takes a file path or a redis:// URL')
  if (command.dedup.method !== 'minhash') {
    throw new UsageError('--index works with --method minhash only')
  }
  if (command.dedup.explain) {
    throw new UsageError(
      '--explain does not combine with --index (an index keeps no pair measurements); use winnow explain on two documents',
    )
  }
  return index
}

/**
 * The JSONL field names that dedup and explain share.
 *
 * @example
 * fieldOptions(parseFlags(['--text-field', 'body'], DEDUP_FLAGS, true).values).textField // 'body'
 */
export function fieldOptions(values: FlagValues): Omit<ReadOptions, 'stdin'> {
  const htmlField = values.string('html-field')
  return {
    idField: values.required('id-field'),
    textField: values.required('text-field'),
    urlField: values.required('url-field'),
    ...(htmlField === undefined ? {} : { htmlField }),
  }
}

/**
 * The cleaning and comparison options that dedup and explain share, checked.
 *
 * @example
 * comparisonOptions(parseFlags(['--threshold', '0.6'], DEDUP_FLAGS, true).values).threshold // 0.6
 */
export function comparisonOptions(values: FlagValues): Omit<DedupOptions, 'explain' | 'removed'> {
  const options = {
    clean: values.boolean('clean'),
    threshold: fraction(values, 'threshold'),
    containment: fraction(values, 'containment'),
    shingleSize: count(values, 'shingle-size'),
    permutations: count(values, 'permutations'),
    bands: count(values, 'bands'),
    method: method(values),
    maxDistance: count(values, 'max-distance', 0, 7),
  }
  if (options.permutations % options.bands !== 0) {
    throw new UsageError(
      `--bands ${options.bands} must divide --permutations ${options.permutations} evenly`,
    )
  }
  return options
}

function method(values: FlagValues): 'minhash' | 'simhash' {
  const value = values.required('method')
  if (value !== 'minhash' && value !== 'simhash') {
    throw new UsageError(`--method takes minhash or simhash, got "${value}"`)
  }
  return value
}

function fraction(values: FlagValues, name: string): number {
  const value = values.required(name)
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--${name} takes a number from 0 to 1, got "${value}"`)
  }
  return number
}

/**
 * The `--workers` count, when given: a whole number from 1 to 256.
 *
 * @example
 * workersOf(values) ?? availableParallelism()
 */
export function workersOf(values: FlagValues): number | undefined {
  return values.string('workers') === undefined ? undefined : count(values, 'workers', 1, 256)
}

function count(values: FlagValues, name: string, min = 1, max = MAX_COUNT): number {
  const value = values.required(name)
  const number = Number(value)
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max}, got "${value}"`)
  }
  return number
}
