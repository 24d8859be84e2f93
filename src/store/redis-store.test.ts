import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-options.js'
import { indexOptionsOf } from '../pipeline/open-index.js'
import { keyPrefix } from './redis-layout.js'
import { dropRedisIndex, openRedisStore } from './redis-store.js'
import { article, describeStoreContract, entryOf } from './store-contract.js'

const URL = process.env['WINNOW_TEST_REDIS'] ?? 'redis://127.0.0.1:6379'
const run = `test-${process.pid}-${Date.now().toString(36)}`
const used: string[] = []
const freshNamespace = () => {
  used.push(`${run}-${used.length + 1}`)
  return used[used.length - 1] as string
}
const create = indexOptionsOf(DEFAULT_DEDUP_OPTIONS)
const open = (namespace = freshNamespace()) => openRedisStore({ url: URL, namespace, create })

// Every test works in its own namespace; all of them are removed afterwards.
afterAll(async () => {
  await Promise.all(used.map((namespace) => dropRedisIndex(URL, namespace)))
})

// The part of a key Redis Cluster hashes to pick its slot: what the first braces enclose.
function hashTagOf(key: string): string {
  const open = key.indexOf('{')
  const close = key.indexOf('}', open + 1)
  return open >= 0 && close > open + 1 ? key.slice(open + 1, close) : key
}

describeStoreContract('redis', () => open())

describe('redis store', () => {
  it('keeps every key of a namespace under one hash tag, and namespaces apart', async () => {
    const namespace = freshNamespace()
    const store = await open(namespace)
    await store.add([entryOf('a', article(1)), entryOf('b', article(1))])
    const other = await open()
    expect(await other.getDocument('a')).toBeUndefined()
    const redis = new Redis(URL)
    const keys = await redis.keys(`${keyPrefix(namespace)}*`)
    expect(keys.length).toBeGreaterThan(3)
    expect(new Set(keys.map(hashTagOf))).toEqual(new Set([namespace]))
    await Promise.all([store.close(), other.close()])
    await dropRedisIndex(URL, namespace)
    expect(await redis.keys(`${keyPrefix(namespace)}*`)).toEqual([])
    await redis.quit()
  })

  it('compacts the open chunk without changing what the index holds', async () => {
    const store = await open()
    await store.add(Array.from({ length: 50 }, (_, i) => entryOf(`d${i}`, article(100 + (i % 40)))))
    const before = await store.stats()
    const { bytesBefore, bytesAfter } = await store.compact()
    expect(bytesAfter).toBeLessThanOrEqual(bytesBefore)
    expect(await store.stats()).toMatchObject({ documents: 50, clusters: before.clusters })
    expect(await store.getDocument('d45')).toMatchObject({ cluster: 'd5', reason: 'exact' })
    await store.close()
  })

  it('keeps the entries of two bands that share a bucket', async () => {
    const store = await open()
    const text = article(7)
    // Bands 0 and 1 of the first document share a bucket (the band key's high 16 bits); the
    // second document shares only band 0's key with it.
    const unique = (seed: number) =>
      Uint32Array.from({ length: 64 }, (_, band) => (seed * 0x10000 + band) >>> 0)
    const first = entryOf('first', text)
    first.bands = unique(0x1000)
    first.bands[1] = (first.bands[0] as number) + 1
    const second = entryOf('second', text, { exact: '00000000000000aa' })
    second.bands = unique(0x2000)
    second.bands[5] = first.bands[0] as number
    await store.add([first])
    expect(await store.add([second])).toMatchObject([{ status: 'duplicate', cluster: 'first' }])
    await store.close()
  })

  it('refuses a namespace without an index unless asked to create one', async () => {
    await expect(openRedisStore({ url: URL, namespace: freshNamespace() })).rejects.toThrow(
      /no index there/,
    )
  })

  it('adds a batch larger than one script call in order, copies meeting across calls', async () => {
    // 450 documents: three script calls; every tenth is a copy of one sent 200 earlier.
    const entries = Array.from({ length: 450 }, (_, i) =>
      entryOf(`d${i}`, article(i >= 200 && i % 10 === 0 ? 5000 + i - 200 : 5000 + i)),
    )
    const whole = await open()
    const verdicts = await whole.add(entries)
    expect(verdicts.map((verdict) => verdict.id)).toEqual(entries.map((entry) => entry.id))
    const oneByOne = await open()
    const expected = []
    for (const entry of entries) expected.push(...(await oneByOne.add([entry])))
    expect(verdicts).toEqual(expected)
    expect(verdicts[210]).toMatchObject({ status: 'duplicate', cluster: 'd10' })
    await whole.close()
    await oneByOne.close()
  })

  it('keeps its own options when told to, and creates a missing index with the given ones', async () => {
    const namespace = freshNamespace()
    const built = { ...create, threshold: 0.6 }
    await (await openRedisStore({ url: URL, namespace, create: built })).close()
    const kept = await openRedisStore({ url: URL, namespace, create, keepOwnOptions: true })
    expect(kept.options.threshold).toBe(0.6)
    await kept.close()
    const fresh = await openRedisStore({
      url: URL,
      namespace: freshNamespace(),
      create,
      keepOwnOptions: true,
    })
    expect(fresh.options).toEqual(create)
    await fresh.close()
  })

  it('refuses an index written by a newer schema, and other options', async () => {
    const namespace = freshNamespace()
    await (await open(namespace)).close()
    await expect(
      openRedisStore({ url: URL, namespace, create: { ...create, threshold: 0.7 } }),
    ).rejects.toThrow(/threshold 0.5 \(this run: 0.7\)/)
    const redis = new Redis(URL)
    await redis.hset(`${keyPrefix(namespace)}meta`, 'schema_version', '99')
    await redis.quit()
    await expect(openRedisStore({ url: URL, namespace })).rejects.toThrow(/newer winnow/)
  })

  it('names the server when it cannot be reached, without its password', async () => {
    await expect(
      openRedisStore({ url: 'redis://127.0.0.1:1', namespace: 'x', create }),
    ).rejects.toThrow(/redis redis:\/\/127\.0\.0\.1:1 \(namespace x\)/)
    const failure = openRedisStore({ url: 'redis://:hunter2@127.0.0.1:1', namespace: 'x', create })
    await expect(failure).rejects.toThrow(/redis:\/\/:\*\*\*@127\.0\.0\.1:1/)
    await expect(failure).rejects.not.toThrow(/hunter2/)
  })

  it('ends with one cluster when processes add copies of one article at the same time', async () => {
    const namespace = freshNamespace()
    const stores = await Promise.all([open(namespace), open(namespace), open(namespace)])
    const text = article(20, 200)
    const edited = text.replace(/^w\d+ w\d+/, 'a new opening')
    await Promise.all(
      stores.flatMap((store, s) =>
        Array.from({ length: 10 }, (_, i) =>
          store.add([entryOf(`p${s}-${i}`, i % 2 === 0 ? text : edited)]),
        ),
      ),
    )
    expect(await stores[0]?.stats()).toMatchObject({ documents: 30, clusters: 1 })
    await Promise.all(stores.map((store) => store.close()))
  })
})
