import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-options.js'
import { indexOptionsOf, matchRules } from '../pipeline/open-index.js'
import { createBandFilter } from './band-filter.js'
import { openSqliteStore } from './sqlite-store.js'
import { article, describeStoreContract, entryOf } from './store-contract.js'

const dir = mkdtempSync(join(tmpdir(), 'winnow-sqlite-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const freshPath = () => join(dir, `index-${++files}.db`)
const create = indexOptionsOf(DEFAULT_DEDUP_OPTIONS)
const open = (path = freshPath()) => openSqliteStore({ path, rules: matchRules, create })

describeStoreContract('sqlite', () => open())
describeStoreContract('sqlite with a band filter', () =>
  openSqliteStore({ path: freshPath(), rules: matchRules, create, bandFilter: 'build' }),
)

describe('sqlite store', () => {
  it('keeps what was added across closing and opening again, in WAL mode', async () => {
    const path = freshPath()
    const first = await open(path)
    await first.add([entryOf('a', article(1)), entryOf('b', article(1))])
    await first.close()
    const again = await openSqliteStore({ path, rules: matchRules, readonly: true })
    expect(await again.getDocument('b')).toMatchObject({ cluster: 'a', reason: 'exact' })
    expect(again.options).toEqual(create)
    await again.close()
    const db = new Database(path, { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('refuses a missing index unless asked to create one', async () => {
    await expect(openSqliteStore({ path: freshPath(), rules: matchRules })).rejects.toThrow(
      /no index there/,
    )
  })

  it('refuses a file that is not a SQLite database, naming it', async () => {
    const path = freshPath()
    writeFileSync(path, 'this is not a database, just some text '.repeat(100))
    await expect(open(path)).rejects.toThrow(new RegExp(`${path}: .*not a database`))
  })

  it('refuses a SQLite file that is not a winnow index', async () => {
    const path = freshPath()
    const db = new Database(path)
    db.exec('CREATE TABLE people (name TEXT)')
    db.close()
    await expect(open(path)).rejects.toThrow(/not a winnow index/)
  })

  it('refuses an index written by a newer version with a clear error', async () => {
    const path = freshPath()
    await (await open(path)).close()
    const db = new Database(path)
    db.prepare(`UPDATE meta SET value = '99' WHERE key = 'schema_version'`).run()
    db.close()
    await expect(open(path)).rejects.toThrow(/schema version 99 was written by a newer winnow/)
  })

  it('refuses to add with other signature options than the index was built with', async () => {
    const path = freshPath()
    await (await open(path)).close()
    const other = { ...create, bands: 32, threshold: 0.6 }
    await expect(openSqliteStore({ path, rules: matchRules, create: other })).rejects.toThrow(
      /built with other options: bands 64 \(this run: 32\), threshold 0.5 \(this run: 0.6\)/,
    )
  })

  it('keeps its own options when told to, and creates a missing index with the given ones', async () => {
    const path = freshPath()
    const built = { ...create, threshold: 0.6 }
    await (await openSqliteStore({ path, rules: matchRules, create: built })).close()
    const kept = await openSqliteStore({ path, rules: matchRules, create, keepOwnOptions: true })
    expect(kept.options.threshold).toBe(0.6)
    await kept.close()
    const fresh = await openSqliteStore({
      path: freshPath(),
      rules: matchRules,
      create,
      keepOwnOptions: true,
    })
    expect(fresh.options).toEqual(create)
    await fresh.close()
  })

  it('compacts an index without losing documents', async () => {
    const path = freshPath()
    const store = await open(path)
    await store.add(Array.from({ length: 50 }, (_, i) => entryOf(`d${i}`, article(100 + i))))
    const { bytesBefore, bytesAfter } = await store.compact()
    expect(bytesAfter).toBeLessThanOrEqual(bytesBefore)
    expect((await store.stats()).documents).toBe(50)
    await store.close()
  })

  it('answers with a band filter as without one, also for documents other processes add', async () => {
    const path = freshPath()
    const plain = await open(path)
    await plain.add([1, 2, 3].map((seed) => entryOf(`a${seed}`, article(seed))))
    const writer = await openSqliteStore({ path, rules: matchRules, bandFilter: 'build' })
    const reader = await openSqliteStore({
      path,
      rules: matchRules,
      readonly: true,
      ...(writer.bandFilter === undefined ? {} : { bandFilter: writer.bandFilter }),
    })
    expect(writer.bandFilter).toBeDefined()
    // An edited copy of what was there when the filter was built, and a new article.
    const edited = entryOf('e2', `${article(2, 110)} one two three`)
    expect(await reader.check(edited)).toMatchObject({ status: 'duplicate', cluster: 'a2' })
    expect(await reader.check(entryOf('n', article(9)))).toMatchObject({ status: 'new' })
    // Added by the writer: the reader sees it through the shared filter.
    await writer.add([entryOf('a4', article(4))])
    expect(await reader.check(entryOf('e4', `${article(4, 110)} x`))).toMatchObject({
      status: 'duplicate',
      cluster: 'a4',
    })
    // Added by another process, which the filter has not seen: the file is asked instead.
    await plain.add([entryOf('a5', article(5))])
    const copyOf5 = entryOf('e5', `${article(5, 110)} y`)
    expect(await reader.check(copyOf5)).toMatchObject({ status: 'duplicate', cluster: 'a5' })
    // The writer's next addition reads the keys it missed, and the filter covers the file again.
    await writer.add([entryOf('a6', article(6))])
    expect(writer.bandFilter && createBandFilter(writer.bandFilter).covered()).toBe(6)
    expect(await reader.check(copyOf5)).toMatchObject({ status: 'duplicate', cluster: 'a5' })
    expect(await writer.check(copyOf5)).toMatchObject({ status: 'duplicate', cluster: 'a5' })
    await Promise.all([plain.close(), writer.close(), reader.close()])
  })
})
