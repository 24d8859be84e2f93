// A run killed with SIGKILL at any moment leaves an index that opens, is whole, and completes.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { writeSyntheticCorpus } from './synthetic-corpus.js'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'dist/cli/bin.js')
const dir = mkdtempSync(join(tmpdir(), 'winnow-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const DOCUMENTS = 2000
const corpus = join(dir, 'corpus.jsonl')
const reference = join(dir, 'reference.db')

const dedupArgs = (index: string, out: string) => [
  bin,
  'dedup',
  corpus,
  '--index',
  index,
  '-o',
  out,
  '--quiet',
  // A killed run leaves its temporary folder behind: inside the test's, removed at the end.
  '--temp-dir',
  dir,
]

function exported(index: string): string {
  return execFileSync(process.execPath, [bin, 'index', 'export', index], { encoding: 'utf8' })
}

// Documents the index holds now, or -1 while it cannot be read (not created yet).
function documentsIn(index: string): number {
  if (!existsSync(index)) return -1
  try {
    const db = new Database(index, { readonly: true, fileMustExist: true })
    try {
      return Number(db.prepare('SELECT count(*) FROM documents').pluck().get())
    } finally {
      db.close()
    }
  } catch {
    return -1
  }
}

// Start a run and kill it once the index holds `atLeast` documents (-1: as soon as the index
// file exists, before anything is added).
async function killedRun(index: string, atLeast: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, dedupArgs(index, join(dir, 'killed.jsonl')), {
    stdio: 'ignore',
  })
  const exit = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_, s) => done(s)))
  let exited = false
  void exit.then(() => (exited = true))
  while (!exited) {
    const held = atLeast < 0 ? (existsSync(index) ? 0 : -1) : documentsIn(index)
    if (held >= atLeast && held >= 0) {
      child.kill('SIGKILL')
      break
    }
    await sleep(5)
  }
  return exit
}

// What must hold of an index whatever moment its writer died at.
function checkWhole(index: string): number {
  const db = new Database(index, { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const one = (sql: string) => Number(db.prepare(sql).pluck().get())
    // Every document is in a cluster that exists, with its size right and its canonical copy a member.
    expect(
      one('SELECT count(*) FROM documents WHERE cluster NOT IN (SELECT seq FROM clusters)'),
    ).toBe(0)
    expect(
      one(`SELECT count(*) FROM clusters c WHERE size !=
        (SELECT count(*) FROM documents d WHERE d.cluster = c.seq)`),
    ).toBe(0)
    expect(
      one(`SELECT count(*) FROM clusters c WHERE NOT EXISTS
        (SELECT 1 FROM documents d WHERE d.seq = c.canonical AND d.cluster = c.seq)`),
    ).toBe(0)
    // Band keys belong to documents that are there, all 64 of each or none.
    expect(one('SELECT count(*) FROM bands WHERE doc NOT IN (SELECT seq FROM documents)')).toBe(0)
    expect(
      one('SELECT count(*) FROM (SELECT doc FROM bands GROUP BY doc HAVING count(*) != 64)'),
    ).toBe(0)
    return one('SELECT count(*) FROM documents')
  } finally {
    db.close()
  }
}

describe('an index killed mid-run', () => {
  beforeAll(() => {
    writeSyntheticCorpus(corpus, DOCUMENTS)
    const run = spawnSync(process.execPath, dedupArgs(reference, join(dir, 'reference.jsonl')))
    expect(run.status).toBe(0)
  }, 120_000)

  it.each([
    ['before anything is added', -1],
    ['after the first batch', 1],
    ['a third of the way', Math.round(DOCUMENTS / 3)],
    ['near the end', Math.round(DOCUMENTS * 0.8)],
  ])(
    'killed %s: opens whole, and a rerun completes it as an uninterrupted run',
    async (_, atLeast) => {
      const index = join(dir, `killed-${atLeast}.db`)
      expect(await killedRun(index, atLeast)).toBe('SIGKILL')
      const held = existsSync(index) ? checkWhole(index) : 0
      expect(held).toBeLessThan(DOCUMENTS)

      const rerun = spawnSync(process.execPath, dedupArgs(index, join(dir, 'rerun.jsonl')))
      expect(rerun.status).toBe(0)
      expect(checkWhole(index)).toBe(DOCUMENTS)
      expect(exported(index)).toBe(exported(reference))
    },
    120_000,
  )
})
