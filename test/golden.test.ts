// Outputs compared with committed files; regenerate with `npm run golden:update` and review the diff.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const test = dirname(fileURLToPath(import.meta.url))
const golden = join(test, 'golden')
const update = process.env['UPDATE_GOLDEN'] === '1'

function check(name: string, actual: string): void {
  const path = join(golden, name)
  if (update) writeFileSync(path, actual)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

describe('help texts', () => {
  it('winnow --help', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    check('help.txt', result.stdout)
  })

  it('winnow dedup --help', async () => {
    const result = await runCli(['dedup', '--help'])
    expect(result.code).toBe(0)
    check('dedup-help.txt', result.stdout)
  })

  it('winnow extract --help', async () => {
    const result = await runCli(['extract', '--help'])
    expect(result.code).toBe(0)
    check('extract-help.txt', result.stdout)
  })

  it('winnow explain --help', async () => {
    const result = await runCli(['explain', '--help'])
    expect(result.code).toBe(0)
    check('explain-help.txt', result.stdout)
  })

  it('winnow report --help', async () => {
    const result = await runCli(['report', '--help'])
    expect(result.code).toBe(0)
    check('report-help.txt', result.stdout)
  })

  it('winnow index --help', async () => {
    const result = await runCli(['index', '--help'])
    expect(result.code).toBe(0)
    check('index-help.txt', result.stdout)
  })

  it('winnow serve --help', async () => {
    const result = await runCli(['serve', '--help'])
    expect(result.code).toBe(0)
    check('serve-help.txt', result.stdout)
  })

  it('winnow submit --help and winnow worker --help', async () => {
    for (const command of ['submit', 'worker']) {
      const result = await runCli([command, '--help'])
      expect(result.code).toBe(0)
      check(`${command}-help.txt`, result.stdout)
    }
  })
})

describe('dedup output', () => {
  // --no-clean keeps this golden about reading, clustering and the record format: cleaning has
  // golden tests of its own and would otherwise make every change to it touch this file.
  it('winnow dedup test/fixtures/cli/site --no-clean', async () => {
    const result = await runCli(['dedup', join(test, 'fixtures/cli/site'), '--no-clean', '--quiet'])
    expect(result.code).toBe(0)
    check('site-no-clean.jsonl', result.stdout)
  })
})
