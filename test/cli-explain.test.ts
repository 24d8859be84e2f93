import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const examples = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'examples/pages')
const first = join(examples, 'capture-2024-03-02.txt')
const second = join(examples, 'capture-2024-03-09.txt')
const other = join(examples, 'cannery-2024-03-05.txt')

describe('winnow explain', () => {
  it('explains two captures of one article, with the furniture marked as removed', async () => {
    const result = await runCli(['explain', first, second])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Verdict: exact copies; same cluster')
    expect(result.stdout).toMatch(/^= {2}Tidewater council approves night ferry/m)
    expect(result.stdout).toMatch(/^~a \[before_article\] back to top arrow$/m)
    expect(result.stdout).toMatch(/^~b \[after_article\] More from the Tidewater Morning$/m)
  })

  it('gives the same as JSON, and tells different articles apart', async () => {
    const result = await runCli(['explain', first, other, '--json'])
    const explanation = JSON.parse(result.stdout) as Record<string, unknown>
    expect(explanation).toMatchObject({ sameCluster: false, verdict: null })
    expect(explanation['exactJaccard']).toBeLessThan(0.1)
    const checks = explanation['checks'] as { name: string; passed: boolean }[]
    expect(checks.map((check) => [check.name, check.passed])).toEqual([
      ['exact', false],
      ['near', false],
      ['contained', false],
    ])
    const diff = explanation['diff'] as { kind: string }[]
    expect(new Set(diff.map((row) => row.kind))).toEqual(
      new Set(['a', 'b', 'removed_a', 'removed_b']),
    )
  })

  it('finds ids within an input given with --in', async () => {
    const result = await runCli([
      'explain',
      '--in',
      examples,
      'capture-2024-03-09.txt',
      'capture-2024-03-02.txt',
      '--json',
    ])
    expect(JSON.parse(result.stdout)).toMatchObject({
      a: { id: 'capture-2024-03-09.txt' },
      b: { id: 'capture-2024-03-02.txt' },
      verdict: 'exact',
    })
  })

  it('exits 2 for a missing id or a wrong number of documents', async () => {
    const missing = await runCli(['explain', '--in', examples, 'nope', 'capture-2024-03-02.txt'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no document with id "nope"')
    expect((await runCli(['explain', first])).code).toBe(2)
  })
})

describe('winnow explain options', () => {
  it('checks numbers like dedup does', async () => {
    const result = await runCli(['explain', first, second, '--threshold', 'abc'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--threshold takes a number from 0 to 1')
  })
})

describe('winnow explain checks', () => {
  it('reports each rule as dedup applies it, on the exact shingle sets', async () => {
    const explanation = JSON.parse((await runCli(['explain', first, second, '--json'])).stdout) as {
      exactJaccard: number
      checks: { name: string; value: number; passed: boolean }[]
    }
    expect(explanation.checks).toEqual([
      expect.objectContaining({ name: 'exact', passed: true }),
      expect.objectContaining({ name: 'near', value: explanation.exactJaccard, passed: true }),
      expect.objectContaining({ name: 'contained', value: 1, passed: true }),
    ])
  })
})
