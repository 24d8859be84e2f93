// The embedded index: one SQLite file (better-sqlite3, WAL), each addition one transaction.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import { StoreError } from '../errors.js'
import type {
  IndexEntry,
  IndexOptions,
  IndexStats,
  IndexStore,
  IndexVerdict,
  MatchRules,
  MatchSides,
  ModelDelta,
  StoredCluster,
  StoredDocument,
  StoredModel,
} from './index-store.js'
import { createBandFilter, type BandFilter, type SharedBandFilter } from './band-filter.js'
import { INDEX_FORMAT, SCHEMA, SCHEMA_VERSION } from './sqlite-schema.js'
import { decideEntry, type Candidate, type Decision } from './decide-entry.js'
import { checkStoredMeta, storeError, tally, verdictOf } from './store-meta.js'

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The index file; created when missing if `create` is set. */
  path: string
  /** The pair rules for the options the index was built with. */
  rules: (options: IndexOptions) => MatchRules
  /**
   * Create the index if the file does not exist, with these options. An existing index must
   * have been built with the same ones.
   */
  create?: IndexOptions
  /**
   * With `create`: an existing index keeps the options it was built with, whatever `create`
   * says (a service opens the index it is given; only a missing one takes `create`).
   */
  keepOwnOptions?: boolean
  /** Open read-only (`index stats`, `export`). */
  readonly?: boolean
  /**
   * Skip lookups of band keys no document has, with a Bloom filter of them: `'build'` reads
   * every key once at opening (a long-running writer, such as a service), or the filter such a
   * store shares (`store.bandFilter`, for readers on other threads). A filter only ever says a
   * key may be there or is not: when it is behind the file (another process added documents),
   * lookups go to the file as without one.
   */
  bandFilter?: 'build' | SharedBandFilter
}

// Documents read per query when walking the whole index.
const PAGE = 1000
// Band keys read per query when building a filter of them.
const KEY_PAGE = 65536
const BAND_SHIFT = 2 ** 32
// Address space, not memory: pages are only read in as lookups touch them.
const MMAP_BYTES = 16 * 1024 ** 3
// The page cache of each connection, in KiB (SQLite's default is 2 MiB).
const CACHE_KIB = 64 * 1024

type Database = BetterSqlite3.Database
type Row = Record<string, unknown>

/**
 * Open (or create) an index file. better-sqlite3 is loaded on first use, so that runs without an
 * index never load the native module.
 *
 * @example
 * const store = await openSqliteStore({ path: 'corpus.db', rules: matchRules, create: options })
 * const [verdict] = await store.add([entry])
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<IndexStore> {
  const { path } = options
  if (options.create === undefined && !existsSync(path)) {
    throw new StoreError(`${path}: no index there (create one with winnow dedup --index)`)
  }
  const Driver = await loadDriver()
  if (options.create !== undefined && !existsSync(path))
    createIndexFile(Driver, path, options.create)
  let db: Database
  try {
    db = new Driver(path, { readonly: options.readonly === true, fileMustExist: true })
    db.pragma('busy_timeout = 10000')
    // Band lookups are random reads over the whole file: read it through a memory map and keep
    // a larger page cache, rather than a system call per page.
    db.pragma(`mmap_size = ${MMAP_BYTES}`)
    db.pragma(`cache_size = -${CACHE_KIB}`)
    if (options.readonly !== true) {
      db.pragma('journal_mode = WAL')
      // WAL with NORMAL: a killed process loses no committed transaction; only a power cut can.
      db.pragma('synchronous = NORMAL')
    }
  } catch (error) {
    throw storeError(path, error)
  }
  try {
    const stored = prepareIndex(db, path, options.create, options.keepOwnOptions === true)
    const filter =
      options.bandFilter === undefined
        ? undefined
        : options.bandFilter === 'build'
          ? buildBandFilter(db, stored.bands)
          : createBandFilter(options.bandFilter)
    return createSqliteStore(db, path, stored, options.rules(stored), filter)
  } catch (error) {
    db.close()
    throw storeError(path, error)
  }
}

// A new index is built beside its path and renamed into place, so that a run killed while
// creating it leaves either no index or a whole one.
function createIndexFile(Driver: typeof BetterSqlite3, path: string, options: IndexOptions): void {
  const building = `${path}.creating-${process.pid}`
  try {
    const db = new Driver(building)
    try {
      prepareIndex(db, building, options, false)
      db.pragma('journal_mode = WAL')
    } finally {
      db.close()
    }
    // Another process may have created the index meanwhile: theirs stands.
    if (!existsSync(path)) renameSync(building, path)
  } catch (error) {
    throw storeError(path, error)
  } finally {
    rmSync(building, { force: true })
  }
}

async function loadDriver(): Promise<typeof BetterSqlite3> {
  try {
    return (await import('better-sqlite3')).default
  } catch (error) {
    throw new StoreError('sqlite: the package better-sqlite3 is needed for --index; install it', {
      cause: error,
    })
  }
}

// Check what the file holds, or create the tables; returns the index's options.
function prepareIndex(
  db: Database,
  path: string,
  create: IndexOptions | undefined,
  keepOwnOptions: boolean,
): IndexOptions {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()
  if (tables.length === 0) {
    if (create === undefined) throw new StoreError(`${path}: not a winnow index (it is empty)`)
    db.transaction(() => {
      db.exec(SCHEMA)
      const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)')
      put.run('format', INDEX_FORMAT)
      put.run('schema_version', String(SCHEMA_VERSION))
      put.run('options', JSON.stringify(create))
      put.run('pages', '0')
    }).immediate()
    return create
  }
  const meta = new Map<string, string>()
  if (tables.includes('meta')) {
    for (const row of db.prepare('SELECT key, value FROM meta').all() as Row[]) {
      meta.set(String(row['key']), String(row['value']))
    }
  }
  return checkStoredMeta(
    path,
    {
      format: meta.get('format'),
      schemaVersion: meta.get('schema_version'),
      options: meta.get('options'),
    },
    keepOwnOptions ? undefined : create,
    'not a winnow index (a SQLite file with other tables)',
  )
}

function createSqliteStore(
  db: Database,
  path: string,
  options: IndexOptions,
  rules: MatchRules,
  filter: BandFilter | undefined,
): IndexStore {
  const q = prepareQueries(db)
  const candidatesAmong = statementsByCount((count) =>
    db.prepare(`SELECT DISTINCT doc FROM bands WHERE key IN (${marks(count)})`).pluck(),
  )

  // The last document whose keys are in the filter: what it covers for every thread, or what
  // this store has added to it in its open transaction (published when that commits).
  let pending = 0
  const covered = () => Math.max(filter?.covered() ?? 0, pending)

  // The documents sharing a band key with these: only keys the filter cannot rule out are looked
  // up, when it holds every document the file does.
  const bandDocs = (bands: Uint32Array): number[] => {
    const keys: number[] = []
    const filtering = filter !== undefined && Number(q.lastSeq.get() ?? 0) <= covered()
    bands.forEach((hash, band) => {
      if (!filtering || filter.mayHave(band, hash)) keys.push(band * BAND_SHIFT + hash)
    })
    if (keys.length === 0) return []
    return candidatesAmong(keys.length).all(...keys) as number[]
  }

  const sidesOf = (seq: number): MatchSides & { tokens: number } => {
    const row = q.sides.get(seq) as Row
    return {
      exact: (row['exact'] as string | null) ?? undefined,
      set: setFromBlob(row['shingles'] as Buffer),
      tokens: Number(row['tokens']),
    }
  }
  const clusterOf = (seq: number) => Number(q.clusterOfDoc.get(seq))
  const canonicalOf = (cluster: number) => Number(q.canonicalOfCluster.get(cluster))
  const idOf = (seq: number) => String(q.idOf.get(seq))

  // The candidates of an entry: its first exact copy, or every document sharing a band key.
  const candidatesFor = (entry: IndexEntry): { exact?: Candidate; near: Candidate[] } => {
    if (entry.tokens === 0 || entry.exact === undefined) return { near: [] }
    const hit = q.exactHit.get(entry.exact) as Row | undefined
    if (hit !== undefined) {
      const seq = Number(hit['seq'])
      return { exact: { seq, cluster: Number(hit['cluster']) }, near: [] }
    }
    const docs = bandDocs(entry.bands).sort((a, b) => a - b)
    return { near: docs.map((seq) => ({ seq, cluster: clusterOf(seq) })) }
  }

  const decide = (entry: IndexEntry): Decision => {
    if (entry.bands.length !== options.bands) {
      throw new StoreError(
        `${path}: document ${entry.id} has ${entry.bands.length} band keys; the index has ${options.bands} bands`,
      )
    }
    return decideEntry(entry, candidatesFor(entry), {
      joins: (seq) => rules.joins(sidesOf(seq), entry),
      canonicalOf,
      tokensOf: (seq) => sidesOf(seq).tokens,
    })
  }

  const verdictFor = (
    id: string,
    status: IndexVerdict['status'],
    canonicalSeq: number | undefined,
    sides: MatchSides,
  ): IndexVerdict => {
    const canonicalId = canonicalSeq === undefined ? undefined : idOf(canonicalSeq)
    return verdictOf(id, status, canonicalId, () =>
      rules.measure(sides, sidesOf(canonicalSeq as number)),
    )
  }

  const knownVerdict = (seq: number, id: string): IndexVerdict =>
    verdictFor(id, 'already_seen', canonicalOf(clusterOf(seq)), sidesOf(seq))

  const insert = (entry: IndexEntry, storeText: boolean): IndexVerdict => {
    const known = q.seqOfId.get(entry.id) as number | undefined
    if (known !== undefined) return knownVerdict(known, entry.id)
    const decision = decide(entry)
    const seq = Number(
      q.insertDocument.run(
        entry.id,
        entry.url ?? null,
        entry.fetchedAt ?? null,
        entry.site ?? null,
        decision.matchedWith,
        decision.joined.length === 0 ? 'new' : 'duplicate',
        entry.exact ?? null,
        entry.tokens,
        entry.cleanedLength,
        blobOf(entry.set),
        storeText ? (entry.text ?? null) : null,
      ).lastInsertRowid,
    )
    let cluster = decision.joined[0]
    if (cluster === undefined) {
      cluster = seq
      q.insertCluster.run(seq, seq)
    } else {
      for (const other of decision.joined.slice(1)) {
        q.moveMembers.run(cluster, other)
        q.deleteCluster.run(other)
      }
    }
    q.setDocumentCluster.run(cluster, seq)
    q.setCluster.run({ cluster, canonical: decision.canonical ?? seq })
    if (decision.exactOf === undefined && entry.tokens > 0) {
      entry.bands.forEach((hash, band) => q.insertBand.run(band * BAND_SHIFT + hash, seq))
    }
    coverInserted(entry, seq)
    return verdictFor(
      entry.id,
      decision.joined.length === 0 ? 'new' : 'duplicate',
      canonicalOf(cluster),
      entry,
    )
  }

  // Keep the filter up with this store's own additions; when another process added documents
  // since (the sequence skips), their keys are read from the file first.
  const coverInserted = (entry: IndexEntry, seq: number) => {
    if (filter === undefined) return
    if (covered() < seq - 1) addBandKeys(db, filter, covered(), seq - 1)
    entry.bands.forEach((hash, band) => filter.add(band, hash))
    pending = seq
  }
  // Bits set for a transaction that rolled back only make the filter a little less sharp.
  const addAndCover = (entries: readonly IndexEntry[], delta: ModelDelta | undefined) => {
    try {
      const verdicts = addAll.immediate(entries, delta)
      if (pending > 0) filter?.cover(pending)
      return verdicts
    } finally {
      pending = 0
    }
  }

  const addAll = db.transaction(
    (entries: readonly IndexEntry[], delta: ModelDelta | undefined): IndexVerdict[] => {
      const verdicts = entries.map((entry) => insert(entry, entry.text !== undefined))
      if (delta !== undefined) addDelta(q, delta)
      return verdicts
    },
  )

  return {
    options,
    async knownIds(ids) {
      const known = new Set<string>()
      for (const id of ids) if (q.seqOfId.get(id) !== undefined) known.add(id)
      return known
    },
    async add(entries, delta) {
      return guard(path, () => addAndCover(entries, delta))
    },
    async check(entry) {
      return guard(path, () => {
        const known = q.seqOfId.get(entry.id) as number | undefined
        if (known !== undefined) return knownVerdict(known, entry.id)
        const decision = decide(entry)
        const status = decision.joined.length === 0 ? 'new' : 'duplicate'
        return verdictFor(entry.id, status, decision.canonical, entry)
      })
    },
    async getDocument(id) {
      return guard(path, () => {
        const row = q.documentById.get(id) as Row | undefined
        return row === undefined ? undefined : storedDocument(row)
      })
    },
    async getCluster(id) {
      return guard(path, () => {
        const seq = q.seqOfId.get(id) as number | undefined
        return seq === undefined ? undefined : storedCluster(clusterOf(seq))
      })
    },
    async *documents() {
      let after = 0
      for (;;) {
        const rows = q.documentPage.all(after, PAGE) as Row[]
        for (const row of rows) yield storedDocument(row)
        const last = rows[rows.length - 1]
        if (last === undefined || rows.length < PAGE) return
        after = Number(last['seq'])
      }
    },
    async *clusters() {
      let after = 0
      for (;;) {
        const seqs = q.clusterPage.all(after, PAGE) as number[]
        for (const seq of seqs) yield storedCluster(seq)
        const last = seqs[seqs.length - 1]
        if (last === undefined || seqs.length < PAGE) return
        after = last
      }
    },
    async model() {
      return guard(path, () => readModel(db))
    },
    async learnLines(sharedLines, sectionBreaks) {
      guard(path, () =>
        db
          .transaction(() => {
            for (const key of sharedLines) q.learnLine.run('shared', key)
            for (const key of sectionBreaks) q.learnLine.run('break', key)
          })
          .immediate(),
      )
    },
    async stats() {
      return guard(path, () => ({
        schema_version: SCHEMA_VERSION,
        documents: Number(q.countDocuments.get()),
        clusters: Number(q.countClusters.get()),
        duplicates: Number(q.countDocuments.get()) - Number(q.countClusters.get()),
        documents_with_text: Number(q.countTexts.get()),
        bytes: fileBytes(path),
        options,
      })) satisfies IndexStats
    },
    async counts() {
      return guard(path, () => ({
        documents: Number(q.countDocuments.get()),
        clusters: Number(q.countClusters.get()),
      }))
    },
    async compact() {
      return guard(path, () => {
        const bytesBefore = fileBytes(path)
        db.pragma('wal_checkpoint(TRUNCATE)')
        db.exec('VACUUM')
        db.pragma('wal_checkpoint(TRUNCATE)')
        return { bytesBefore, bytesAfter: fileBytes(path) }
      })
    },
    async close() {
      db.close()
    },
    ...(filter === undefined ? {} : { bandFilter: filter.shared }),
  }

  function storedDocument(row: Row): StoredDocument {
    const canonicalSeq = canonicalOf(Number(row['cluster']))
    const id = String(row['id'])
    const verdict = verdictFor(id, 'already_seen', canonicalSeq, {
      exact: (row['exact'] as string | null) ?? undefined,
      set: setFromBlob(row['shingles'] as Buffer),
    })
    const matched = row['matched_with'] as number | null
    const doc: StoredDocument = {
      id,
      ...optional('url', row['url']),
      ...optional('fetched_at', row['fetched_at']),
      ...optional('site', row['site']),
      cluster: verdict.cluster,
      canonical: verdict.canonical,
      duplicate_of: verdict.duplicate_of,
      similarity: verdict.similarity,
      reason: verdict.reason,
      matched_with: matched === null ? null : idOf(matched),
      content_hash: (row['exact'] as string | null) ?? null,
      tokens: Number(row['tokens']),
      cleaned_length: Number(row['cleaned_length']),
      ...optional('text', row['text']),
    }
    return doc
  }

  function storedCluster(cluster: number): StoredCluster {
    const members = (q.membersOf.all(cluster) as Row[]).map(storedDocument)
    return { cluster: idOf(canonicalOf(cluster)), size: members.length, members }
  }
}

// A filter of every band key in the file, sized for twice the documents it holds.
function buildBandFilter(db: Database, bands: number): BandFilter {
  return db.transaction(() => {
    // Documents are never deleted: the last sequence number is at least their count.
    const last = Number(db.prepare('SELECT max(seq) FROM documents').pluck().get() ?? 0)
    const filter = createBandFilter(2 * Math.max(last, 65536) * bands)
    // In pages along the key's index: twice as fast as one statement stepping through every row.
    const page = db.prepare('SELECT key FROM bands WHERE key > ? ORDER BY key LIMIT ?').pluck()
    for (let after = -1; ;) {
      const keys = page.all(after, KEY_PAGE) as number[]
      for (const key of keys) addStoredKey(filter, key)
      if (keys.length < KEY_PAGE) break
      after = keys[keys.length - 1] ?? after
    }
    filter.cover(last)
    return filter
  })()
}

// Add the band keys of documents after..last to the filter: a pass over every key, as they are
// ordered by key, not by document.
function addBandKeys(db: Database, filter: BandFilter, after: number, last: number): void {
  const rows = db.prepare('SELECT key FROM bands WHERE doc > ? AND doc <= ?').pluck()
  for (const key of rows.iterate(after, last) as Iterable<number>) addStoredKey(filter, key)
}

// A band key as the bands table stores it: band × 2^32 + hash.
function addStoredKey(filter: BandFilter, key: number): void {
  filter.add(Math.floor(key / BAND_SHIFT), key % BAND_SHIFT)
}

// Prepared statements by the number of values they take, made on first use.
function statementsByCount(
  prepare: (count: number) => BetterSqlite3.Statement,
): (count: number) => BetterSqlite3.Statement {
  const made = new Map<number, BetterSqlite3.Statement>()
  return (count) => {
    let statement = made.get(count)
    if (statement === undefined) {
      statement = prepare(count)
      made.set(count, statement)
    }
    return statement
  }
}

function marks(count: number): string {
  return new Array<string>(count).fill('?').join(', ')
}

function prepareQueries(db: Database) {
  const documentColumns =
    'seq, id, url, fetched_at, site, cluster, matched_with, exact, tokens, cleaned_length, shingles, text'
  return {
    seqOfId: db.prepare('SELECT seq FROM documents WHERE id = ?').pluck(),
    idOf: db.prepare('SELECT id FROM documents WHERE seq = ?').pluck(),
    sides: db.prepare('SELECT exact, shingles, tokens FROM documents WHERE seq = ?'),
    clusterOfDoc: db.prepare('SELECT cluster FROM documents WHERE seq = ?').pluck(),
    canonicalOfCluster: db.prepare('SELECT canonical FROM clusters WHERE seq = ?').pluck(),
    exactHit: db.prepare('SELECT seq, cluster FROM documents WHERE exact = ? ORDER BY seq LIMIT 1'),
    lastSeq: db.prepare('SELECT max(seq) FROM documents').pluck(),
    insertDocument: db.prepare(
      `INSERT INTO documents (id, url, fetched_at, site, cluster, matched_with, status, exact,
        tokens, cleaned_length, shingles, text) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    setDocumentCluster: db.prepare('UPDATE documents SET cluster = ? WHERE seq = ?'),
    insertCluster: db.prepare('INSERT INTO clusters (seq, canonical, size) VALUES (?, ?, 1)'),
    setCluster: db.prepare(
      `UPDATE clusters SET canonical = @canonical,
        size = (SELECT count(*) FROM documents WHERE cluster = @cluster) WHERE seq = @cluster`,
    ),
    moveMembers: db.prepare('UPDATE documents SET cluster = ? WHERE cluster = ?'),
    deleteCluster: db.prepare('DELETE FROM clusters WHERE seq = ?'),
    insertBand: db.prepare('INSERT OR IGNORE INTO bands (key, doc) VALUES (?, ?)'),
    documentById: db.prepare(`SELECT ${documentColumns} FROM documents WHERE id = ?`),
    documentPage: db.prepare(
      `SELECT ${documentColumns} FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`,
    ),
    membersOf: db.prepare(
      `SELECT ${documentColumns} FROM documents WHERE cluster = ? ORDER BY seq`,
    ),
    clusterPage: db.prepare('SELECT seq FROM clusters WHERE seq > ? ORDER BY seq LIMIT ?').pluck(),
    countDocuments: db.prepare('SELECT count(*) FROM documents').pluck(),
    countClusters: db.prepare('SELECT count(*) FROM clusters').pluck(),
    countTexts: db.prepare('SELECT count(*) FROM documents WHERE text IS NOT NULL').pluck(),
    addPages: db.prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'pages'`),
    addSitePages: db.prepare(
      `INSERT INTO site_pages (site, pages) VALUES (?, ?)
        ON CONFLICT (site) DO UPDATE SET pages = pages + excluded.pages`,
    ),
    addTemplate: db.prepare(
      `INSERT INTO template_counts (key, count) VALUES (?, ?)
        ON CONFLICT (key) DO UPDATE SET count = count + excluded.count`,
    ),
    addWord: db.prepare(
      `INSERT INTO word_counts (key, count) VALUES (?, ?)
        ON CONFLICT (key) DO UPDATE SET count = count + excluded.count`,
    ),
    learnLine: db.prepare('INSERT OR IGNORE INTO learnt_lines (kind, key) VALUES (?, ?)'),
  }
}

type Queries = ReturnType<typeof prepareQueries>

// A batch's statistics, summed per key first: template keys repeat on most of a site's pages.
function addDelta(q: Queries, delta: ModelDelta): void {
  q.addPages.run(delta.pages)
  for (const [site, pages] of delta.sitePages) q.addSitePages.run(site, pages)
  for (const [key, count] of tally(delta.templateKeys)) q.addTemplate.run(key, count)
  for (const [key, count] of tally(delta.words)) q.addWord.run(key, count)
}

// In one read transaction, so that the counts of rows and the rows agree.
function readModel(db: Database): StoredModel {
  return db.transaction(() => readModelNow(db))()
}

function readModelNow(db: Database): StoredModel {
  const pages = Number(db.prepare(`SELECT value FROM meta WHERE key = 'pages'`).pluck().get())
  const sitePages = (
    db.prepare('SELECT site, pages FROM site_pages').raw().all() as [string, number][]
  ).map(([site, count]): [string, number] => [site, Number(count)])
  // Row by row into typed arrays: the tables hold millions of keys, and rows gathered into one
  // array first would all outlive young-generation collections (hundreds of MB to copy).
  const table = (name: string) => {
    const size = Number(db.prepare(`SELECT count(*) FROM ${name}`).pluck().get())
    const keys = new Float64Array(size)
    const counts = new Uint32Array(size)
    let i = 0
    const rows = db.prepare(`SELECT key, count FROM ${name}`).raw()
    for (const [key, count] of rows.iterate() as Iterable<[number, number]>) {
      if (i === size) break
      keys[i] = Number(key)
      counts[i] = Number(count)
      i++
    }
    return { keys: keys.subarray(0, i), counts: counts.subarray(0, i) }
  }
  const lines = (kind: string) =>
    Float64Array.from(
      db.prepare('SELECT key FROM learnt_lines WHERE kind = ?').pluck().all(kind) as number[],
      Number,
    )
  return {
    pages,
    sitePages,
    templates: table('template_counts'),
    words: table('word_counts'),
    sharedLines: lines('shared'),
    sectionBreaks: lines('break'),
  }
}

// Run a query, turning SQLite's errors into one that names the index.
function guard<T>(path: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    throw storeError(path, error)
  }
}

function blobOf(set: Uint32Array): Buffer {
  return Buffer.from(set.buffer, set.byteOffset, set.byteLength)
}

// A copy, so that the array is aligned whatever the driver's buffer offset.
function setFromBlob(blob: Buffer): Uint32Array {
  const copy = new Uint32Array(blob.byteLength / 4)
  new Uint8Array(copy.buffer).set(blob)
  return copy
}

function fileBytes(path: string): number {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0)
  return size(path) + size(`${path}-wal`)
}

function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return value === null || value === undefined
    ? {}
    : ({ [key]: String(value) } as { [P in K]?: string })
}
