// The built executable, run as users run it: exit codes, streams and standard input.
import { execFileSync, spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'dist/cli/bin.js')
const examples = join(root, 'examples/pages')

function winnow(args: string[], input = '') {
  return spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, WINNOW_DEBUG: '' },
  })
}

describe('the built binary', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' })
  }, 120_000)

  it('deduplicates a folder to stdout with the summary on stderr', () => {
    const result = winnow(['dedup', examples])
    expect(result.status).toBe(0)
    expect(result.stdout.trim().split('\n')).toHaveLength(3)
    expect(result.stderr).toMatch(/^winnow: 3 documents, 2 clusters, 1 duplicates /)
  })

  it('pipes dedup output into a report, its client copied into dist by the build', () => {
    const out = winnow(['dedup', examples, '--removed', '--quiet'])
    const result = winnow(['report', '-', '--quiet'], out.stdout)
    expect(result).toMatchObject({ status: 0, stderr: '' })
    expect(result.stdout).toMatch(/^<!doctype html>/)
    expect(result.stdout).toContain('function alignPages(')
  })

  it('reads JSONL from a piped stdin for -', () => {
    const text = 'The ferry will run at night from June, the harbour council decided on Thursday.'
    const input = ['a', 'b'].map((id) => JSON.stringify({ id, text })).join('\n')
    const result = winnow(['dedup', '-', '--quiet'], input)
    expect(result).toMatchObject({ status: 0, stderr: '' })
    const records = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; cluster: string; reason: string | null })
    expect(records.map((r) => [r.id, r.cluster, r.reason])).toEqual([
      ['a', 'a', null],
      ['b', 'a', 'exact'],
    ])
  })

  it('exits 2 on a usage error without a stack trace', () => {
    const result = winnow(['dedup', examples, '--threshold', '2'])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^winnow: --threshold takes a number from 0 to 1, got "2"\n/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('prints its version', () => {
    const result = winnow(['--version'])
    expect(result.status).toBe(0)
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
