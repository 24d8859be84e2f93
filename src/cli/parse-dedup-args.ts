// Turn `winnow dedup` arguments into checked options; every mistake is a UsageError.
import { parseArgs } from 'node:util'
import { UsageError } from '../errors.js'
import { DEFAULT_READ_OPTIONS, type ReadOptions } from '../io/read-options.js'
import { DEFAULT_DEDUP_OPTIONS, type DedupOptions } from '../pipeline/dedup-corpus.js'
import { DEDUP_FLAGS, parseArgsOptions } from './flags.js'

/** What `winnow dedup` was asked to do. */
export interface DedupCommand {
  inputs: string[]
  help: boolean
  output?: string
  stats?: string
  rejects?: string
  dropDuplicates: boolean
  strict: boolean
  quiet: boolean
  read: Omit<ReadOptions, 'stdin'>
  dedup: DedupOptions
}

/**
 * Parse and check the arguments after `dedup`.
 *
 * @example
 * parseDedupArgs(['pages/', '--threshold', '0.6']).dedup.threshold // 0.6
 */
export function parseDedupArgs(args: readonly string[]): DedupCommand {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      options: parseArgsOptions(DEDUP_FLAGS),
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error })
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  const text = (name: string) =>
    typeof values[name] === 'string' ? (values[name] as string) : undefined
  const flag = (name: string) => values[name] === true
  const help = flag('help')
  if (!help && parsed.positionals.length === 0)
    throw new UsageError('dedup needs at least one input (a file, a folder or -)')

  const dedup: DedupOptions = {
    clean: values['clean'] !== false,
    threshold: fraction('threshold', text('threshold'), DEFAULT_DEDUP_OPTIONS.threshold),
    containment: fraction('containment', text('containment'), DEFAULT_DEDUP_OPTIONS.containment),
    shingleSize: count('shingle-size', text('shingle-size'), DEFAULT_DEDUP_OPTIONS.shingleSize),
    permutations: count('permutations', text('permutations'), DEFAULT_DEDUP_OPTIONS.permutations),
    bands: count('bands', text('bands'), DEFAULT_DEDUP_OPTIONS.bands),
  }
  if (dedup.permutations % dedup.bands !== 0) {
    throw new UsageError(`--bands ${dedup.bands} must divide --permutations ${dedup.permutations}`)
  }
  const optional = (name: string, value: string | undefined) =>
    value === undefined ? {} : { [name]: value }
  return {
    inputs: parsed.positionals,
    help,
    ...optional('output', text('output')),
    ...optional('stats', text('stats')),
    ...optional('rejects', text('rejects')),
    dropDuplicates: flag('drop-duplicates'),
    strict: flag('strict'),
    quiet: flag('quiet'),
    read: {
      idField: text('id-field') ?? DEFAULT_READ_OPTIONS.idField,
      textField: text('text-field') ?? DEFAULT_READ_OPTIONS.textField,
      urlField: text('url-field') ?? DEFAULT_READ_OPTIONS.urlField,
    },
    dedup,
  }
}

function fraction(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--${name} takes a number from 0 to 1, got "${value}"`)
  }
  return number
}

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!/^\d+$/.test(value.trim()) || number < 1 || number > 100_000) {
    throw new UsageError(`--${name} takes a whole number from 1 to 100000, got "${value}"`)
  }
  return number
}
