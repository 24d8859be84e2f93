// An unexpected failure (a bug below the CLI) exits 1 with a one-line message, a stack only on request.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { runCli } from './run-cli.js'

vi.mock('../src/pipeline/dedup-passes.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/pipeline/dedup-passes.js')>()),
  runDedupPasses: () => Promise.reject(new Error('no cluster for document 7')),
}))

describe('an unexpected error', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('exits 1 with its message and no stack', async () => {
    vi.stubEnv('WINNOW_DEBUG', '')
    const result = await runCli(['dedup', '-'])
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'winnow: unexpected error: no cluster for document 7\n',
    })
  })

  it('prints the stack when WINNOW_DEBUG is set', async () => {
    vi.stubEnv('WINNOW_DEBUG', '1')
    const result = await runCli(['dedup', '-'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^winnow: unexpected error: Error: no cluster for document 7\n\s+at /,
    )
  })
})
