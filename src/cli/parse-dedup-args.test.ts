// Flag parsing and validation for `winnow dedup`, without running anything.
import { describe, expect, it } from 'vitest'
import { UsageError } from '../errors.js'
import { DEFAULT_READ_OPTIONS } from '../io/read-options.js'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-corpus.js'
import { MAIN_FLAGS } from './flags.js'
import { parseDedupArgs } from './parse-dedup-args.js'
import { parseFlags } from './parse-flags.js'

function run(args: string[]) {
  const parsed = parseDedupArgs(args)
  if (parsed.help) throw new Error('expected a run, got help')
  return parsed
}

function usageMessage(args: string[]): string {
  try {
    parseDedupArgs(args)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as UsageError).message
  }
  throw new Error(`no UsageError for ${args.join(' ')}`)
}

describe('parseDedupArgs', () => {
  it('takes the pipeline and reader defaults when no flag is given', () => {
    expect(run(['pages/'])).toEqual({
      help: false,
      inputs: ['pages/'],
      dropDuplicates: false,
      strict: false,
      quiet: false,
      read: {
        idField: DEFAULT_READ_OPTIONS.idField,
        textField: DEFAULT_READ_OPTIONS.textField,
        urlField: DEFAULT_READ_OPTIONS.urlField,
      },
      dedup: DEFAULT_DEDUP_OPTIONS,
      storeText: false,
    })
  })

  it('reads every flag, short and long, and keeps inputs in order', () => {
    const command = run([
      'a.jsonl',
      '-',
      'pages/',
      '-o',
      'out.jsonl',
      '--drop-duplicates',
      '--no-clean',
      '--threshold',
      '0.7',
      '--containment=0.9',
      '--shingle-size',
      '5',
      '--permutations',
      '256',
      '--bands',
      '32',
      '--id-field',
      'key',
      '--text-field',
      'body',
      '--url-field',
      'link',
      '--stats',
      'stats.json',
      '--rejects',
      'rejects.jsonl',
      '--strict',
      '-q',
    ])
    expect(command).toMatchObject({
      inputs: ['a.jsonl', '-', 'pages/'],
      output: 'out.jsonl',
      stats: 'stats.json',
      rejects: 'rejects.jsonl',
      dropDuplicates: true,
      strict: true,
      quiet: true,
      read: { idField: 'key', textField: 'body', urlField: 'link' },
      dedup: {
        clean: false,
        threshold: 0.7,
        containment: 0.9,
        shingleSize: 5,
        permutations: 256,
        bands: 32,
      },
    })
  })

  it('accepts the ends of the 0..1 range', () => {
    expect(run(['x', '--threshold', '0', '--containment', '1']).dedup).toMatchObject({
      threshold: 0,
      containment: 1,
    })
  })

  it('returns help without checking inputs', () => {
    expect(parseDedupArgs(['--help'])).toEqual({ help: true })
    expect(parseDedupArgs(['-h', 'pages/'])).toEqual({ help: true })
  })

  it('rejects numbers out of range or not numbers', () => {
    for (const value of ['1.5', '-0.1', 'abc', '', 'NaN', 'Infinity']) {
      expect(usageMessage(['x', `--threshold=${value}`])).toBe(
        `--threshold takes a number from 0 to 1, got "${value}"`,
      )
    }
    expect(usageMessage(['x', '--containment', '2'])).toMatch(/^--containment takes a number/)
    for (const value of ['0', '-3', '2.5', '1e3', 'ten', '1000000']) {
      expect(usageMessage(['x', `--shingle-size=${value}`])).toBe(
        `--shingle-size takes a whole number from 1 to 100000, got "${value}"`,
      )
    }
    expect(usageMessage(['x', '--permutations', '0'])).toMatch(/^--permutations takes/)
    expect(usageMessage(['x', '--bands', 'many'])).toMatch(/^--bands takes/)
  })

  it('requires bands to divide permutations', () => {
    expect(usageMessage(['x', '--bands', '3'])).toBe(
      '--bands 3 must divide --permutations 128 evenly',
    )
    expect(run(['x', '--permutations', '120', '--bands', '3']).dedup.bands).toBe(3)
  })

  it('needs an input', () => {
    expect(usageMessage([])).toBe('dedup needs at least one input (a file, a folder or -)')
    expect(usageMessage(['--strict'])).toMatch(/needs at least one input/)
  })

  it('reports unknown flags and missing values briefly', () => {
    expect(usageMessage(['x', '--frobnicate'])).toBe("unknown option '--frobnicate'")
    expect(usageMessage(['x', '-z'])).toBe("unknown option '-z'")
    expect(usageMessage(['x', '--threshold'])).toMatch(
      /^option '--threshold <value>' argument missing/,
    )
    expect(usageMessage(['x', '--strict=yes'])).toMatch(
      /^option '--strict' does not take an argument/,
    )
    expect(usageMessage(['x', '--threshold', '-0.1'])).toMatch(
      /^option '--threshold' argument is ambiguous\. .*'--threshold=-XYZ'/,
    )
    expect(usageMessage(['x', '--no-threshold'])).toMatch(/^unknown option '--no-threshold'/)
  })
})

describe('parseFlags with the main flags', () => {
  it('reads --version and --help and refuses positionals', () => {
    expect(parseFlags(['-v'], MAIN_FLAGS, false).values.boolean('version')).toBe(true)
    expect(parseFlags(['--help'], MAIN_FLAGS, false).values.boolean('help')).toBe(true)
    expect(() => parseFlags(['--help', 'dedup'], MAIN_FLAGS, false)).toThrow(UsageError)
  })
})
