// Help is built from the flag tables: every flag shows up, with its default, within the width.
import { describe, expect, it } from 'vitest'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-corpus.js'
import { DEDUP_FLAGS, MAIN_FLAGS, parseArgsOptions } from './flags.js'
import { HELP_WIDTH, dedupHelp, flagHelp, mainHelp, shortUsage } from './help.js'

describe('the flag tables', () => {
  it('have unique names and short names', () => {
    for (const table of [DEDUP_FLAGS, MAIN_FLAGS]) {
      const names = table.map((flag) => flag.name)
      const shorts = table.flatMap((flag) => (flag.short === undefined ? [] : [flag.short]))
      expect(new Set(names).size).toBe(names.length)
      expect(new Set(shorts).size).toBe(shorts.length)
    }
  })

  it('give string flags a value name and string defaults, as parseArgs needs', () => {
    for (const flag of DEDUP_FLAGS) {
      if (flag.type === 'string') expect(flag.value).toMatch(/^[A-Z]+$/)
      if (flag.default !== undefined) expect(typeof flag.default).toBe(flag.type)
    }
  })

  it('take their numeric defaults from the pipeline', () => {
    const byName = new Map(DEDUP_FLAGS.map((flag) => [flag.name, flag.default]))
    expect(byName.get('threshold')).toBe(String(DEFAULT_DEDUP_OPTIONS.threshold))
    expect(byName.get('bands')).toBe(String(DEFAULT_DEDUP_OPTIONS.bands))
    expect(byName.get('clean')).toBe(DEFAULT_DEDUP_OPTIONS.clean)
  })

  it('become parseArgs options', () => {
    expect(parseArgsOptions(DEDUP_FLAGS)['output']).toEqual({ type: 'string', short: 'o' })
    expect(parseArgsOptions(DEDUP_FLAGS)['shingle-size']).toEqual({ type: 'string', default: '3' })
    expect(parseArgsOptions(DEDUP_FLAGS)['clean']).toEqual({ type: 'boolean', default: true })
  })
})

describe('help texts', () => {
  it('list every dedup flag with its description and default', () => {
    const help = dedupHelp()
    for (const flag of DEDUP_FLAGS) {
      expect(help).toContain(flagHelp(flag))
      if (typeof flag.default === 'string')
        expect(flagHelp(flag)).toContain(`(default: ${flag.default})`)
    }
    expect(help).toContain('--[no-]clean')
    expect(help).toMatch(/^Usage: winnow dedup <input\.\.\.> \[options\]\n/)
    expect(help).toMatch(/\nExamples:\n {2}winnow dedup /)
  })

  it('list the main flags and commands', () => {
    const help = mainHelp()
    for (const flag of MAIN_FLAGS) expect(help).toContain(flagHelp(flag))
    expect(help).toMatch(/\n {2}dedup <input\.\.\.> +clean pages/)
  })

  it('keep every line within the help width', () => {
    for (const line of [...dedupHelp().split('\n'), ...mainHelp().split('\n')]) {
      expect(line.length).toBeLessThanOrEqual(HELP_WIDTH)
    }
  })

  it('wrap a long description under its own column', () => {
    const line = flagHelp({
      name: 'long',
      type: 'boolean',
      description: Array.from({ length: 30 }, () => 'word').join(' '),
    })
    const [first, second] = line.split('\n')
    expect(first?.indexOf('word')).toBe(second?.indexOf('word'))
  })

  it('end a usage error with the usage line and where to look', () => {
    expect(shortUsage('dedup')).toBe(
      "Usage: winnow dedup <input...> [options]\nRun 'winnow dedup --help' for more information.\n",
    )
    expect(shortUsage('main')).toMatch(/^Usage: winnow <command> \[options\]\n/)
  })
})
