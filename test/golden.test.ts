// --help texts compared with committed files; regenerate with `npm run golden:update`.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const golden = join(dirname(fileURLToPath(import.meta.url)), 'golden')
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
  it('winnow dedup --help lists every flag', async () => {
    const result = await runCli(['dedup', '--help'])
    expect(result.code).toBe(0)
    check('dedup-help.txt', result.stdout)
    for (const flag of [
      '--output',
      '--drop-duplicates',
      '--[no-]clean',
      '--threshold',
      '--strict',
      '--rejects',
      '--stats',
    ]) {
      expect(result.stdout).toContain(flag)
    }
  })
})
