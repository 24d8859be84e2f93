// `winnow report` end to end in-process: from the bundled example's dedup output to the HTML.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './run-cli.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dir = mkdtempSync(join(tmpdir(), 'winnow-report-'))
const out = join(dir, 'out.jsonl')
const rejects = join(dir, 'rejects.jsonl')
const stats = join(dir, 'stats.json')

beforeAll(async () => {
  const args = ['dedup', join(root, 'examples/pages'), '--explain', '--removed', '-q']
  const result = await runCli([...args, '-o', out, '--rejects', rejects, '--stats', stats])
  expect(result.code).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function meta(html: string): { ids: string[]; clusters: number[][] } {
  const json = /<script type="application\/json" id="winnow-meta">(.*)<\/script>/.exec(html)?.[1]
  return JSON.parse(json ?? 'null') as { ids: string[]; clusters: number[][] }
}

describe('winnow report --index', () => {
  it('reports everything an index holds, with the texts it keeps', async () => {
    const index = join(dir, 'all.db')
    await runCli(['dedup', join(root, 'examples/pages'), '--index', index, '--store-text', '-q'])
    const result = await runCli(['report', '--index', index, '-q'])
    expect(result.code).toBe(0)
    expect(meta(result.stdout).ids).toEqual([
      'cannery-2024-03-05.txt',
      'capture-2024-03-02.txt',
      'capture-2024-03-09.txt',
    ])
    expect(meta(result.stdout).clusters).toEqual([[1, 2], [0]])
  })

  it("adds the canonical copies of a run's clusters that earlier runs added", async () => {
    const index = join(dir, 'earlier.db')
    await runCli(['dedup', join(root, 'examples/pages'), '--index', index, '--store-text', '-q'])
    const today = join(dir, 'today')
    mkdirSync(today)
    copyFileSync(join(root, 'examples/pages/capture-2024-03-09.txt'), join(today, 'again.txt'))
    const run = join(dir, 'today.jsonl')
    await runCli(['dedup', today, '--index', index, '-o', run, '-q'])
    const [record] = readFileSync(run, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(record).toMatchObject({ id: 'again.txt', status: 'duplicate', canonical: false })

    const alone = await runCli(['report', run, '-q'])
    expect(meta(alone.stdout).ids).toEqual(['again.txt'])
    const completed = await runCli(['report', run, '--index', index, '-q'])
    expect(completed.code).toBe(0)
    expect(meta(completed.stdout).ids).toEqual(['again.txt', String(record?.['cluster'])])
    expect(meta(completed.stdout).clusters).toEqual([[1, 0]])
  })

  it('needs an input or an index, and names a missing index', async () => {
    expect((await runCli(['report'])).stderr).toMatch(/report needs one input: .* or --index/)
    const missing = await runCli(['report', '--index', join(dir, 'none.db')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/none\.db: no index there/)
  })
})

describe('winnow report', () => {
  it('writes the report of a run and says so on standard error', async () => {
    const html = join(dir, 'report.html')
    const args = ['report', out, '--rejects', rejects, '--stats', stats, '-o', html]
    const result = await runCli(args)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/report of 3 documents in 2 clusters written to .*report\.html/)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('No input was rejected.')
    expect(meta(page).clusters).toEqual([[1, 2], [0]])
  })

  it('reads dedup output from standard input and writes to standard output', async () => {
    const result = await runCli(['report', '-', '-q'], readFileSync(out, 'utf8'))
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(meta(result.stdout).ids).toHaveLength(3)
  })

  it('reports a bad line with its file and line, and leaves it out', async () => {
    const broken = join(dir, 'broken.jsonl')
    const lines = readFileSync(out, 'utf8').split('\n')
    writeFileSync(broken, [lines[0], '{"id": "x",', lines[1], '[]', lines[2]].join('\n'))
    const result = await runCli(['report', broken])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`${broken}:2: malformed JSON`)
    expect(result.stderr).toContain(`${broken}:4: expected a JSON object`)
    expect(meta(result.stdout).ids).toHaveLength(3)
    expect(result.stdout).toContain('2 line(s) of')

    const strict = await runCli(['report', broken, '--strict'])
    expect(strict.code).toBe(2)
    expect(strict.stderr).toContain(`${broken}:2: malformed JSON`)
  })

  it('refuses input that is not dedup output, and a missing file', async () => {
    const pages = join(root, 'test/fixtures/cli/site/feed.jsonl')
    const wrong = await runCli(['report', pages, '-q'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('no winnow dedup records in this file')

    const missing = await runCli(['report', join(dir, 'nope.jsonl')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/nope\.jsonl: cannot read/)

    const usage = await runCli(['report'])
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('Usage: winnow report <out.jsonl>')
  })

  it('has help of its own', async () => {
    const help = await runCli(['help', 'report'])
    expect(help.code).toBe(0)
    expect(help.stdout).toBe((await runCli(['report', '--help'])).stdout)
    expect(help.stdout).toContain('--rejects FILE')
  })
})
