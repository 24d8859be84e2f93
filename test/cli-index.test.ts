// `winnow dedup --index` and `winnow index`: a persistent index across runs, end to end.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './run-cli.js'
import { writeSyntheticCorpus } from './synthetic-corpus.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const examples = join(root, 'examples/pages')
const dir = mkdtempSync(join(tmpdir(), 'winnow-index-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const fresh = (name: string) => join(dir, `${++files}-${name}`)

// A synthetic crawl of 600 pages on a few dozen sites, about 30% of them copies.
const corpus = join(dir, 'corpus.jsonl')
beforeAll(() => {
  writeSyntheticCorpus(corpus, 600)
}, 60_000)

// The partition of a run: for each document, the ids of its cluster, as sorted lists.
function partition(records: Record<string, unknown>[]): string[][] {
  const clusters = new Map<unknown, string[]>()
  for (const record of records) {
    const members = clusters.get(record['cluster']) ?? []
    members.push(String(record['id']))
    clusters.set(record['cluster'], members)
  }
  return [...clusters.values()].map((ids) => ids.sort()).sort()
}

const placeFields = (record: Record<string, unknown>) => ({
  id: record['id'],
  cluster: record['cluster'],
  canonical: record['canonical'],
  duplicate_of: record['duplicate_of'],
  similarity: record['similarity'],
  reason: record['reason'],
  text: record['text'],
})

describe('winnow dedup --index', () => {
  it('gives a first run into an empty index the clusters of a run without one', async () => {
    const plain = await runCli(['dedup', corpus, '--quiet', '--workers', '1'])
    const index = fresh('first.db')
    const indexed = await runCli(['dedup', corpus, '--index', index, '--workers', '1'])
    expect(indexed.code).toBe(0)
    const records = jsonLines(indexed.stdout)
    expect(records.map(placeFields)).toEqual(jsonLines(plain.stdout).map(placeFields))
    const canonical = records.filter((r) => r['canonical'] === true).length
    expect(records.filter((r) => r['status'] === 'new')).toHaveLength(canonical)
    expect(indexed.stderr).toMatch(
      new RegExp(
        `index: ${canonical} new, ${600 - canonical} duplicates, 0 already seen, now 600 documents in ${canonical} clusters`,
      ),
    )
  })

  it('reports every document of a second run of the same input as already seen, same clusters', async () => {
    const index = fresh('twice.db')
    const first = await runCli(['dedup', corpus, '--index', index, '--quiet'])
    const second = await runCli(['dedup', corpus, '--index', index, '--quiet'])
    expect(second.code).toBe(0)
    const before = jsonLines(first.stdout)
    const after = jsonLines(second.stdout)
    expect(after.every((r) => r['status'] === 'already_seen')).toBe(true)
    expect(after.map((r) => r['cluster'])).toEqual(before.map((r) => r['cluster']))
    const stats = await runCli(['index', 'stats', index])
    expect(JSON.parse(stats.stdout)).toMatchObject({ documents: 600, schema_version: 1 })
  })

  it('finds copies of earlier runs: two halves in turn cluster as the whole at once', async () => {
    const lines = readFileSync(corpus, 'utf8').trimEnd().split('\n')
    const firstHalf = fresh('a.jsonl')
    const secondHalf = fresh('b.jsonl')
    writeFileSync(firstHalf, `${lines.slice(0, 300).join('\n')}\n`)
    writeFileSync(secondHalf, `${lines.slice(300).join('\n')}\n`)
    // Without cleaning the signatures do not depend on what else was read, so the clusters
    // must be exactly those of one run over everything.
    const whole = await runCli(['dedup', corpus, '--no-clean', '--quiet'])
    const index = fresh('halves.db')
    await runCli(['dedup', firstHalf, '--no-clean', '--index', index, '--quiet'])
    const later = await runCli(['dedup', secondHalf, '--no-clean', '--index', index, '--quiet'])
    const statuses = new Set(jsonLines(later.stdout).map((r) => r['status']))
    expect(statuses).toEqual(new Set(['new', 'duplicate']))
    const exported = await runCli(['index', 'export', index])
    expect(partition(jsonLines(exported.stdout))).toEqual(partition(jsonLines(whole.stdout)))
  })

  it('keeps cleaned text only with --store-text, and exports documents and clusters', async () => {
    const index = fresh('text.db')
    await runCli(['dedup', examples, '--index', index, '--store-text', '--quiet'])
    const out = fresh('export.jsonl')
    const exported = await runCli(['index', 'export', index, '-o', out])
    expect(exported.code).toBe(0)
    const docs = jsonLines(readFileSync(out, 'utf8'))
    expect(docs).toHaveLength(3)
    expect(docs[0]).toMatchObject({ id: 'cannery-2024-03-05.txt', canonical: true })
    expect(docs.every((doc) => typeof doc['text'] === 'string')).toBe(true)
    expect(docs.every((doc) => typeof doc['content_hash'] === 'string')).toBe(true)
    const clusters = jsonLines((await runCli(['index', 'export', index, '--clusters'])).stdout)
    expect(clusters.map((c) => c['size'])).toEqual([1, 2])

    const bare = fresh('bare.db')
    await runCli(['dedup', examples, '--index', bare, '--quiet'])
    const bareDocs = jsonLines((await runCli(['index', 'export', bare])).stdout)
    expect(bareDocs.some((doc) => 'text' in doc)).toBe(false)
    expect(JSON.parse((await runCli(['index', 'stats', bare])).stdout)).toMatchObject({
      documents: 3,
      clusters: 2,
      duplicates: 1,
      documents_with_text: 0,
    })
  })

  it('compacts an index and keeps its documents', async () => {
    const index = fresh('compact.db')
    await runCli(['dedup', examples, '--index', index, '--quiet'])
    const result = await runCli(['index', 'compact', index])
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/^winnow: compacted .* MB → .* MB\n$/)
    expect(JSON.parse((await runCli(['index', 'stats', index])).stdout).documents).toBe(3)
  })
})

describe('index mistakes', () => {
  it.each([
    [['dedup', examples, '--store-text'], /--store-text needs --index/],
    [
      ['dedup', examples, '--index', 'x.db', '--method', 'simhash'],
      /--index works with --method minhash only/,
    ],
    [
      ['dedup', examples, '--index', 'x.db', '--explain'],
      /--explain does not combine with --index/,
    ],
    [['index'], /index needs an action: stats, export, compact/],
    [['index', 'shrink', 'x.db'], /got "shrink"/],
    [['index', 'stats'], /index stats needs one index file/],
    [['index', 'stats', 'x.db', '--clusters'], /--output and --clusters go with index export only/],
  ])('%j is a usage error', async (args, message) => {
    const result = await runCli(args)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
  })

  it('names a missing or damaged index, and leaves no output of a run that could not start', async () => {
    const missing = await runCli(['index', 'stats', join(dir, 'nowhere.db')])
    expect(missing).toMatchObject({ code: 2, stdout: '' })
    expect(missing.stderr).toMatch(/nowhere\.db: no index there/)

    const garbage = fresh('garbage.db')
    writeFileSync(garbage, 'not a database at all\n'.repeat(200))
    const out = fresh('out.jsonl')
    const run = await runCli(['dedup', examples, '--index', garbage, '-o', out])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/garbage\.db: .*not a database/)
    expect(() => readFileSync(out)).toThrow()
  })

  it('refuses to add to an index built with other options', async () => {
    const index = fresh('options.db')
    await runCli(['dedup', examples, '--index', index, '--quiet'])
    const result = await runCli(['dedup', examples, '--index', index, '--threshold', '0.7'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/built with other options: threshold 0.5 \(this run: 0.7\)/)
  })
})
