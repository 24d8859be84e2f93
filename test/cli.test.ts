// `winnow` run in-process with in-memory streams: the command-line contract, end to end.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './run-cli.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const examples = join(root, 'examples/pages')
const site = join(root, 'test/fixtures/cli/site')
let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winnow-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const ARTICLE =
  'The harbour council voted on Thursday to run a night ferry to the outer islands from June, ending a decade of early last boats.'

describe('winnow dedup', () => {
  it('writes one line per document in input order with the contract fields', async () => {
    const result = await runCli(['dedup', examples])
    expect(result.code).toBe(0)
    const records = jsonLines(result.stdout)
    expect(records.map((r) => r['id'])).toEqual([
      'cannery-2024-03-05.txt',
      'capture-2024-03-02.txt',
      'capture-2024-03-09.txt',
    ])
    for (const record of records) {
      expect(Object.keys(record)).toEqual([
        'id',
        'cluster',
        'canonical',
        'duplicate_of',
        'similarity',
        'reason',
        'text',
      ])
    }
    expect(records[2]).toMatchObject({
      cluster: 'capture-2024-03-02.txt',
      canonical: false,
      duplicate_of: 'capture-2024-03-02.txt',
    })
    expect(records[0]).toMatchObject({
      cluster: 'cannery-2024-03-05.txt',
      canonical: true,
      duplicate_of: null,
      similarity: 1,
    })
    expect(result.stderr).toMatch(
      /^winnow: 3 documents, 2 clusters, 1 duplicates \(\d exact, \d near\), 0 rejected, 0 empty, \d+\.\d s\n$/,
    )
  })

  it('reads folders recursively: .txt and .md whole, JSONL by line, rejects reported', async () => {
    const rejects = join(dir, 'rejects.jsonl')
    const result = await runCli(['dedup', site, '--no-clean', '--rejects', rejects])
    expect(result.code).toBe(0)
    const records = jsonLines(result.stdout)
    expect(records.map((r) => r['id'])).toEqual([
      'empty.txt',
      'wire-1',
      'wire-3',
      'news/ferry-update.md',
      'news/ferry.txt',
      'opinion/library.txt',
    ])
    const byId = new Map(records.map((r) => [r['id'], r]))
    expect(byId.get('wire-1')).toMatchObject({ url: 'https://wire.example/ferry', canonical: true })
    expect(byId.get('news/ferry-update.md')).toMatchObject({ cluster: 'wire-1', reason: 'near' })
    expect(byId.get('news/ferry.txt')).toMatchObject({
      cluster: 'wire-1',
      duplicate_of: 'wire-1',
      canonical: false,
      similarity: 1,
      reason: 'exact',
    })
    expect(byId.get('empty.txt')).toMatchObject({ canonical: true, flags: ['empty'] })
    expect(Object.keys(byId.get('wire-1') ?? {})).toEqual([
      'id',
      'url',
      'cluster',
      'canonical',
      'duplicate_of',
      'similarity',
      'reason',
      'text',
    ])
    const feed = join(site, 'feed.jsonl')
    expect(result.stderr).toContain(`winnow: warning: ${feed}:2: `)
    expect(jsonLines(await readFile(rejects, 'utf8'))).toEqual([
      { source: feed, line: 2, code: 'malformed_json', reason: expect.any(String) },
    ])
    expect(result.stderr).toMatch(/, 1 rejected, 1 empty, /)
  })

  it('says nothing on stderr with --quiet, even for rejects', async () => {
    const result = await runCli(['dedup', site, '--quiet'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(jsonLines(result.stdout)).toHaveLength(6)
  })

  it('writes to -o, drops duplicates, and writes stats', async () => {
    const out = join(dir, 'out.jsonl')
    const stats = join(dir, 'stats.json')
    const result = await runCli([
      'dedup',
      examples,
      '-o',
      out,
      '--drop-duplicates',
      '--stats',
      stats,
      '--quiet',
    ])
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' })
    expect(jsonLines(await readFile(out, 'utf8')).map((r) => r['canonical'])).toEqual([true, true])
    expect(JSON.parse(await readFile(stats, 'utf8'))).toMatchObject({
      documents: 3,
      clusters: 2,
      duplicates: 1,
      rejected: 0,
    })
  })

  it('keeps the url of JSONL input and reads custom fields', async () => {
    const input = join(dir, 'in.jsonl')
    await writeFile(
      input,
      JSON.stringify({ key: 'a', body: ARTICLE, link: 'https://example.com/a' }) + '\n',
    )
    const result = await runCli([
      'dedup',
      input,
      '--id-field',
      'key',
      '--text-field',
      'body',
      '--url-field',
      'link',
    ])
    expect(jsonLines(result.stdout)[0]).toMatchObject({
      id: 'a',
      url: 'https://example.com/a',
      text: ARTICLE,
    })
  })

  it('reports a malformed line as file:line: reason, skips it, and lists it with --rejects', async () => {
    const input = join(dir, 'in.jsonl')
    const rejects = join(dir, 'rejects.jsonl')
    await writeFile(
      input,
      `${JSON.stringify({ id: 'a', text: ARTICLE })}\n{"id": "b",\n${JSON.stringify({ id: 'c', text: ARTICLE })}\n`,
    )
    const result = await runCli(['dedup', input, '--rejects', rejects])
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`${input}:2: malformed JSON`)
    expect(jsonLines(result.stdout).map((r) => r['id'])).toEqual(['a', 'c'])
    expect(jsonLines(await readFile(rejects, 'utf8'))).toEqual([
      expect.objectContaining({ source: input, line: 2, code: 'malformed_json' }),
    ])
    expect(result.stderr).toMatch(/1 rejected/)
  })

  it('stops with exit code 2 under --strict', async () => {
    const input = join(dir, 'in.jsonl')
    await writeFile(input, `{"id": "b",\n`)
    const out = join(dir, 'strict-out.jsonl')
    const stats = join(dir, 'strict-stats.json')
    const result = await runCli(['dedup', input, '--strict', '-o', out, '--stats', stats])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${input}:1: malformed JSON`)
    // A stopped run leaves no empty or half-written files behind.
    expect(existsSync(out)).toBe(false)
    expect(existsSync(stats)).toBe(false)
  })

  it('exits 2 for a temporary folder it cannot use', async () => {
    const result = await runCli(['dedup', examples, '--temp-dir', join(dir, 'no/such/folder')])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^winnow: cannot make a temporary folder in .*no\/such\/folder/)
  })

  it('exits 2 with a clear message for an unreadable path', async () => {
    const result = await runCli(['dedup', join(dir, 'missing')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`winnow: ${join(dir, 'missing')}: cannot read`)
  })

  it('exits 2 for an output path that cannot be written, before reading anything', async () => {
    const result = await runCli(['dedup', examples, '-o', join(dir, 'no/such/folder/out.jsonl')])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^winnow: cannot write .*out\.jsonl: /)
  })

  it('exits 2 for unknown flags, bad numbers and missing inputs', async () => {
    const unknown = await runCli(['dedup', examples, '--frobnicate'])
    expect(unknown).toMatchObject({ code: 2, stdout: '' })
    expect(unknown.stderr).toBe(
      "winnow: unknown option '--frobnicate'\n" +
        'Usage: winnow dedup <input...> [options]\n' +
        "Run 'winnow dedup --help' for more information.\n",
    )
    expect((await runCli(['dedup', examples, '--threshold', '1.5'])).stderr).toContain(
      '--threshold takes a number from 0 to 1',
    )
    expect((await runCli(['dedup', examples, '--bands', '3'])).stderr).toContain('must divide')
    expect((await runCli(['dedup'])).code).toBe(2)
    const command = await runCli(['frobnicate'])
    expect(command.code).toBe(2)
    expect(command.stderr).toMatch(/^winnow: unknown command "frobnicate"\nUsage: winnow <command>/)
    expect((await runCli(['--frobnicate'])).stderr).toMatch(
      /^winnow: unknown option '--frobnicate'/,
    )
  })

  it('reads JSONL from standard input for -', async () => {
    const stdin = [
      JSON.stringify({ id: 'x', text: ARTICLE }),
      JSON.stringify({ id: 'y', text: ARTICLE }),
    ].join('\n')
    const records = jsonLines((await runCli(['dedup', '-'], stdin)).stdout)
    expect(records.map((r) => [r['id'], r['cluster'], r['reason']])).toEqual([
      ['x', 'x', null],
      ['y', 'x', 'exact'],
    ])
  })

  it('compares raw text with --no-clean', async () => {
    const records = jsonLines((await runCli(['dedup', examples, '--no-clean'])).stdout)
    expect(records[1]?.['text']).toContain('back to top arrow')
    expect(records[2]?.['text']).toContain('More from the Tidewater Morning')
  })

  it('keeps empty documents, flagged', async () => {
    const input = join(dir, 'in.jsonl')
    await writeFile(input, `${JSON.stringify({ id: 'e', text: '   ' })}\n`)
    const result = await runCli(['dedup', input])
    expect(jsonLines(result.stdout)[0]).toMatchObject({
      id: 'e',
      canonical: true,
      flags: ['empty'],
    })
    expect(result.stderr).toMatch(/1 empty/)
  })
})

describe('winnow help and version', () => {
  it('prints help on stdout for --help, -h, help and help dedup', async () => {
    const main = await runCli(['--help'])
    expect(main).toMatchObject({ code: 0, stderr: '' })
    expect(main.stdout).toMatch(/^Usage: winnow <command>/)
    expect((await runCli(['-h'])).stdout).toBe(main.stdout)
    expect((await runCli(['help'])).stdout).toBe(main.stdout)
    const dedup = await runCli(['dedup', '--help'])
    expect(dedup.stdout).toMatch(/^Usage: winnow dedup <input\.\.\.>/)
    expect((await runCli(['help', 'dedup'])).stdout).toBe(dedup.stdout)
  })

  it('prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
    expect((await runCli(['-v'])).stdout).toBe(`${pkg.version}\n`)
  })

  it('shows help on stderr and exits 2 without a command, or for help on an unknown one', async () => {
    const bare = await runCli([])
    expect(bare).toMatchObject({ code: 2, stdout: '' })
    expect(bare.stderr).toMatch(/^Usage: winnow <command>/)
    expect((await runCli(['help', 'frobnicate'])).code).toBe(2)
  })
})
