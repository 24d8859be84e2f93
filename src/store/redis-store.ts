// The shared index: one namespace of a Redis (or Redis Cluster) that any number of processes
// check and add documents to, each step one Lua script.
import { createHash } from 'node:crypto'
import { StoreError } from '../errors.js'
import type {
  IndexEntry,
  IndexOptions,
  IndexStats,
  IndexStore,
  IndexVerdict,
  ModelDelta,
  StoredCluster,
  StoredDocument,
  StoredModel,
} from './index-store.js'
import {
  BODY,
  FLAG,
  REDIS_BANDS,
  bodyOf,
  idBucketOf,
  estimateFromSketches,
  keyPrefix,
  recordOf,
  type RecordView,
} from './redis-layout.js'
import { connectRedis, mastersOf, type RedisConnection } from './redis-connect.js'
import { CHECK_AND_ADD, COMPACT, COUNT_ONCE, DESCRIBE, INIT, MEMBERS } from './redis-scripts.js'
import { checkStoredMeta, storeError, tally, verdictOf } from './store-meta.js'
import { INDEX_FORMAT, SCHEMA_VERSION } from './sqlite-schema.js'

/** Options of {@link openRedisStore}. */
export interface RedisStoreOptions {
  /** `redis://host:port[/db]`. */
  url: string
  /** Keeps several indexes in one Redis; every key of one lives in one cluster slot. */
  namespace?: string
  /** Create the namespace's index if it holds none, with these options. */
  create?: IndexOptions
  /**
   * With `create`: an existing index keeps the options it was built with, whatever `create`
   * says (a service opens the index it is given; only a missing one takes `create`).
   */
  keepOwnOptions?: boolean
}

// A contained copy must have at least this many shingles (as the pair rules say).
const MIN_CONTAINED_SHINGLES = 20
// Documents described per script call when walking the index.
const PAGE = 500
// Entries per check-and-add call: one round trip, one atomic step each.
const BATCH = 200

/**
 * Open (or create) the index in a Redis namespace, on a single Redis or a Redis Cluster (any
 * node's URL). ioredis is loaded on first use.
 *
 * @example
 * const store = await openRedisStore({ url: 'redis://127.0.0.1:6379', namespace: 'news', create })
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<IndexStore> {
  const namespace = options.namespace ?? 'winnow'
  const where = `redis ${withoutPassword(options.url)} (namespace ${namespace})`
  let redis: RedisConnection | undefined
  try {
    redis = await connectRedis(options.url)
    const stored = await prepareIndex(redis, namespace, where, options)
    return createRedisStore(redis, keyPrefix(namespace), where, stored)
  } catch (error) {
    redis?.disconnect()
    throw storeError(where, error)
  }
}

// A URL fit for messages and logs: its password replaced.
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password === '') return url
    parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}

async function prepareIndex(
  redis: RedisConnection,
  namespace: string,
  where: string,
  { create, keepOwnOptions }: Pick<RedisStoreOptions, 'create' | 'keepOwnOptions'>,
): Promise<IndexOptions> {
  const meta = `${keyPrefix(namespace)}meta`
  if (create !== undefined && create.bands < REDIS_BANDS) {
    throw new StoreError(
      `${where}: an index on Redis keeps ${REDIS_BANDS} LSH bands; this run has ${create.bands}`,
    )
  }
  const [format, version, optionsText] = (await redis.eval(
    INIT,
    1,
    meta,
    INDEX_FORMAT,
    String(SCHEMA_VERSION),
    create === undefined ? '' : JSON.stringify(create),
  )) as (string | null)[]
  if (format === null || format === undefined) {
    throw new StoreError(`${where}: no index there (create one with winnow dedup --index)`)
  }
  return checkStoredMeta(
    where,
    { format, schemaVersion: version ?? undefined, options: optionsText ?? undefined },
    keepOwnOptions === true ? undefined : create,
  )
}

type Described = [string, Buffer, Buffer, number, string, Buffer, string]

/** Runs a Lua script by its digest, sending the source only when the server does not know it. */
type RunScript = (
  script: string,
  key: string,
  args: readonly (string | Buffer)[],
) => Promise<unknown>

function scriptRunner(redis: RedisConnection): RunScript {
  const digests = new Map<string, string>()
  return async (script, key, args) => {
    let digest = digests.get(script)
    if (digest === undefined) {
      digest = createHash('sha1').update(script).digest('hex')
      digests.set(script, digest)
    }
    try {
      return await redis.callBuffer('EVALSHA', digest, 1, key, ...args)
    } catch (error) {
      // A restarted or failed-over server has forgotten its scripts.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error
      return redis.callBuffer('EVAL', script, 1, key, ...args)
    }
  }
}

function createRedisStore(
  redis: RedisConnection,
  prefix: string,
  where: string,
  options: IndexOptions,
): IndexStore {
  const meta = `${prefix}meta`
  const script = scriptRunner(redis)
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw storeError(where, error)
    }
  }

  const verdictFor = (
    id: string,
    status: IndexVerdict['status'],
    own: Pick<RecordView, 'exact' | 'sketch' | 'setSize'>,
    canonicalId: string,
    canonical: RecordView | undefined,
  ): IndexVerdict => {
    const canonicalOrSelf = canonical === undefined ? undefined : canonicalId
    return verdictOf(id, status, canonicalOrSelf, () =>
      measure(own, canonical as RecordView, options),
    )
  }

  const run = async (
    mode: 'add' | 'check',
    entries: readonly IndexEntry[],
    delta: ModelDelta | undefined,
  ): Promise<IndexVerdict[]> => {
    const args: (string | Buffer)[] = [
      prefix,
      mode,
      String(options.threshold),
      String(options.containment),
      String(MIN_CONTAINED_SHINGLES),
      String(entries.length),
    ]
    const bodies = entries.map(bodyOf)
    entries.forEach((entry, i) => args.push(entry.id, bodies[i] as Buffer, extraOf(entry)))
    args.push(...deltaArgs(delta))
    const replies = (await script(CHECK_AND_ADD, meta, args)) as Buffer[][]
    return replies.map(([status, own, canonicalId, canonical], i) => {
      const entry = entries[i] as IndexEntry
      const ownView =
        own !== undefined && own.length > 0 ? recordOf(own) : sidesOfEntry(bodies[i] as Buffer)
      return verdictFor(
        entry.id,
        String(status) as IndexVerdict['status'],
        ownView,
        String(canonicalId ?? ''),
        canonical !== undefined && canonical.length > 0 ? recordOf(canonical) : undefined,
      )
    })
  }

  const describe = async (seqs: readonly number[]): Promise<StoredDocument[]> => {
    if (seqs.length === 0) return []
    const replies = (await script(DESCRIBE, meta, [prefix, ...seqs.map(String)])) as Described[]
    return replies.map(storedDocument)
  }

  const storedDocument = ([
    name,
    rec,
    extra,
    ,
    canonicalName,
    canonicalRec,
    matched,
  ]: Described) => {
    const id = String(name)
    const own = recordOf(rec)
    const verdict = verdictFor(
      id,
      'already_seen',
      own,
      String(canonicalName),
      recordOf(canonicalRec),
    )
    const more = extra.length > 0 ? (JSON.parse(String(extra)) as Extra) : {}
    const doc: StoredDocument = {
      id,
      ...(more.url === undefined ? {} : { url: more.url }),
      ...(more.fetched_at === undefined ? {} : { fetched_at: more.fetched_at }),
      ...(more.site === undefined ? {} : { site: more.site }),
      cluster: verdict.cluster,
      canonical: verdict.canonical,
      duplicate_of: verdict.duplicate_of,
      similarity: verdict.similarity,
      reason: verdict.reason,
      matched_with: matched.length === 0 ? null : String(matched),
      content_hash: own.exact ?? null,
      tokens: own.tokens,
      cleaned_length: own.cleanedLength,
      ...(more.text === undefined ? {} : { text: more.text }),
    }
    return doc
  }

  const idMapKey = (id: string) => `${prefix}i:${idBucketOf(id)}`

  const seqOf = async (id: string): Promise<number | undefined> => {
    const seq = await redis.hget(idMapKey(id), id)
    return seq === null ? undefined : Number(seq)
  }

  const documentCount = async () => Number((await redis.hget(meta, 'seq')) ?? 0)

  const membersOf = async (id: string): Promise<StoredDocument[]> => {
    const seqs = (await script(MEMBERS, meta, [prefix, String(idBucketOf(id)), id])) as number[]
    return describe(seqs.map(Number).sort((a, b) => a - b))
  }

  return {
    options,
    async knownIds(ids) {
      return guard(async () => {
        const pipeline = redis.pipeline()
        for (const id of ids) pipeline.hexists(idMapKey(id), id)
        const replies = (await pipeline.exec()) ?? []
        return new Set(ids.filter((_, i) => replies[i]?.[1] === 1))
      })
    },
    async add(entries, delta) {
      for (const entry of entries) validate(entry, options, where)
      return guard(async () => {
        // One script call per slice: a batch larger than a slice is atomic slice by slice. The
        // calls are sent at once (pipelined on the one connection, which keeps their order), so
        // the next slice is on its way while Redis runs the last.
        const slices: Promise<IndexVerdict[]>[] = []
        for (let at = 0; at < entries.length; at += BATCH) {
          const slice = entries.slice(at, at + BATCH)
          const last = at + BATCH >= entries.length
          slices.push(run('add', slice, last ? delta : undefined))
        }
        if (entries.length === 0 && delta !== undefined) slices.push(run('add', [], delta))
        return (await Promise.all(slices)).flat()
      })
    },
    async countOnce(name, delta) {
      return guard(
        async () => (await script(COUNT_ONCE, meta, [prefix, name, ...deltaArgs(delta)])) === 1,
      )
    },
    async check(entry) {
      validate(entry, options, where)
      return guard(async () => (await run('check', [entry], undefined))[0] as IndexVerdict)
    },
    async getDocument(id) {
      return guard(async () => {
        const seq = await seqOf(id)
        return seq === undefined ? undefined : (await describe([seq]))[0]
      })
    },
    async getCluster(id) {
      return guard(async () => {
        const members = await membersOf(id)
        const canonical = members.find((member) => member.canonical)
        if (canonical === undefined) return undefined
        return { cluster: canonical.id, size: members.length, members } satisfies StoredCluster
      })
    },
    async *documents() {
      for (const seqs of seqPages(await guard(documentCount))) {
        yield* await guard(() => describe(seqs))
      }
    },
    async *clusters() {
      for (const seqs of seqPages(await guard(documentCount))) {
        const described = (await guard(() =>
          script(DESCRIBE, meta, [prefix, ...seqs.map(String)]),
        )) as Described[]
        for (const [i, [name, , , root]] of described.entries()) {
          // A cluster comes where its first member, its root, does.
          if (Number(root) !== seqs[i]) continue
          const members = await guard(() => membersOf(String(name)))
          const canonical = members.find((member) => member.canonical)
          yield { cluster: canonical?.id ?? String(name), size: members.length, members }
        }
      }
    },
    async model() {
      return guard(() => readModel(redis, prefix, meta))
    },
    async learnLines(sharedLines, sectionBreaks) {
      await guard(async () => {
        const pipeline = redis.multi()
        if (sharedLines.length > 0)
          pipeline.sadd(`${prefix}shared`, ...[...sharedLines].map(String))
        if (sectionBreaks.length > 0)
          pipeline.sadd(`${prefix}breaks`, ...[...sectionBreaks].map(String))
        await pipeline.exec()
      })
    },
    async stats() {
      return guard(async () => {
        const [documents, clusters, texts] = await redis.hmget(
          meta,
          'documents',
          'clusters',
          'texts',
        )
        return {
          schema_version: SCHEMA_VERSION,
          documents: Number(documents ?? 0),
          clusters: Number(clusters ?? 0),
          duplicates: Number(documents ?? 0) - Number(clusters ?? 0),
          documents_with_text: Number(texts ?? 0),
          bytes: await namespaceBytes(redis, prefix),
          options,
        } satisfies IndexStats
      })
    },
    async counts() {
      return guard(async () => {
        const [documents, clusters] = await redis.hmget(meta, 'documents', 'clusters')
        return { documents: Number(documents ?? 0), clusters: Number(clusters ?? 0) }
      })
    },
    async compact() {
      return guard(async () => {
        const bytesBefore = await namespaceBytes(redis, prefix)
        await script(COMPACT, meta, [prefix])
        return { bytesBefore, bytesAfter: await namespaceBytes(redis, prefix) }
      })
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}

interface Extra {
  url?: string
  fetched_at?: string
  site?: string
  text?: string
}

// The sequence numbers 1..total, a page at a time.
function* seqPages(total: number): Generator<number[]> {
  for (let from = 1; from <= total; from += PAGE) {
    yield Array.from({ length: Math.min(PAGE, total - from + 1) }, (_, i) => from + i)
  }
}

function extraOf(entry: IndexEntry): string {
  const extra: Extra = {
    ...(entry.url === undefined ? {} : { url: entry.url }),
    ...(entry.fetchedAt === undefined ? {} : { fetched_at: entry.fetchedAt }),
    ...(entry.site === undefined ? {} : { site: entry.site }),
    ...(entry.text === undefined ? {} : { text: entry.text }),
  }
  return Object.keys(extra).length === 0 ? '' : JSON.stringify(extra)
}

// What the script needs is checked before it runs: a script that fails halfway keeps its writes.
function validate(entry: IndexEntry, options: IndexOptions, where: string): void {
  if (entry.bands.length !== options.bands) {
    throw new StoreError(
      `${where}: document ${entry.id} has ${entry.bands.length} band keys, the index ${options.bands}`,
    )
  }
  if (entry.id === '' || Buffer.byteLength(entry.id) > 65535) {
    throw new StoreError(`${where}: document ids must be 1 to 65535 bytes long`)
  }
  if (entry.exact !== undefined && !/^[0-9a-f]{16}$/.test(entry.exact)) {
    throw new StoreError(`${where}: document ${entry.id} has a malformed exact key`)
  }
}

function sidesOfEntry(body: Buffer): Pick<RecordView, 'exact' | 'sketch' | 'setSize'> {
  const flags = body.readUInt8(BODY.flags)
  return {
    exact:
      (flags & FLAG.exact) === 0
        ? undefined
        : body.subarray(BODY.exact, BODY.exact + 8).toString('hex'),
    sketch: new Uint8Array(body.subarray(BODY.sketch, BODY.bands)),
    setSize: body.readUInt32LE(BODY.setSize),
  }
}

// The member's similarity to its canonical copy, as the pair rules report it, from sketches.
function measure(
  doc: Pick<RecordView, 'exact' | 'sketch' | 'setSize'>,
  canonical: Pick<RecordView, 'exact' | 'sketch' | 'setSize'>,
  options: IndexOptions,
): { similarity: number; reason: 'exact' | 'near' | 'contained' } {
  if (doc.exact !== undefined && doc.exact === canonical.exact) {
    return { similarity: 1, reason: 'exact' }
  }
  const { jaccard, containment } = estimateFromSketches(
    doc.sketch,
    doc.setSize,
    canonical.sketch,
    canonical.setSize,
  )
  if (jaccard >= options.threshold) return { similarity: jaccard, reason: 'near' }
  const longEnough = Math.min(doc.setSize, canonical.setSize) >= MIN_CONTAINED_SHINGLES
  if (longEnough && containment >= options.containment) {
    return { similarity: containment, reason: 'contained' }
  }
  return { similarity: jaccard, reason: 'near' }
}

function deltaArgs(delta: ModelDelta | undefined): string[] {
  if (delta === undefined) return ['0', '0', '0', '0']
  const listed = (pairs: [string | number, number][]) => [
    String(pairs.length),
    ...pairs.flatMap(([key, count]) => [String(key), String(count)]),
  ]
  return [
    String(delta.pages),
    ...listed(delta.sitePages),
    ...listed([...tally(delta.templateKeys)]),
    ...listed([...tally(delta.words)]),
  ]
}

async function readModel(
  redis: RedisConnection,
  prefix: string,
  meta: string,
): Promise<StoredModel> {
  const table = async (name: string) => {
    const entries = Object.entries(await redis.hgetall(`${prefix}${name}`))
    return {
      keys: Float64Array.from(entries, ([key]) => Number(key)),
      counts: Uint32Array.from(entries, ([, count]) => Number(count)),
    }
  }
  const sites = Object.entries(await redis.hgetall(`${prefix}sites`)).map(
    ([site, pages]): [string, number] => [site, Number(pages)],
  )
  return {
    pages: Number((await redis.hget(meta, 'pages')) ?? 0),
    sitePages: sites,
    templates: await table('templates'),
    words: await table('words'),
    sharedLines: Float64Array.from(await redis.smembers(`${prefix}shared`), Number),
    sectionBreaks: Float64Array.from(await redis.smembers(`${prefix}breaks`), Number),
  }
}

// Memory Redis reports for the namespace's keys.
async function namespaceBytes(redis: RedisConnection, prefix: string): Promise<number> {
  let bytes = 0
  for await (const keys of namespaceKeys(redis, prefix)) {
    for (const key of keys) bytes += Number((await redis.memory('USAGE', key, 'SAMPLES', 0)) ?? 0)
  }
  return bytes
}

// The keys of a namespace, a page at a time; as buffers, since band bucket names are binary.
// A cluster is scanned master by master (only the one holding the namespace's slot has any).
async function* namespaceKeys(redis: RedisConnection, prefix: string): AsyncGenerator<Buffer[]> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`
  for (const node of mastersOf(redis)) {
    let cursor = '0'
    do {
      const [next, keys] = await node.scanBuffer(cursor, 'MATCH', pattern, 'COUNT', 1000)
      cursor = String(next)
      if (keys.length > 0) yield keys
    } while (cursor !== '0')
  }
}

/**
 * Delete an index from Redis: every key of its namespace. For tests and benchmarks.
 *
 * @example
 * await dropRedisIndex('redis://127.0.0.1:6379', 'scratch')
 */
export async function dropRedisIndex(url: string, namespace: string): Promise<void> {
  const redis = await connectRedis(url)
  try {
    for await (const keys of namespaceKeys(redis, keyPrefix(namespace))) await redis.del(...keys)
  } finally {
    await redis.quit()
  }
}
