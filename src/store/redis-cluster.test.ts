// The Redis index on a real Redis Cluster of three masters, reached through one node's URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalCluster, type LocalCluster } from '../../test/redis-cluster.js'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-options.js'
import { indexOptionsOf } from '../pipeline/open-index.js'
import { connectRedis, mastersOf } from './redis-connect.js'
import { dropRedisIndex, openRedisStore } from './redis-store.js'
import { article, describeStoreContract, entryOf } from './store-contract.js'

let cluster: LocalCluster | undefined
const url = () => cluster?.urls[0] ?? ''
let namespaces = 0
const create = indexOptionsOf(DEFAULT_DEDUP_OPTIONS)
const open = (namespace = `cluster-${++namespaces}`) =>
  openRedisStore({ url: url(), namespace, create })

beforeAll(async () => {
  cluster = await startLocalCluster()
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

describeStoreContract('redis cluster', () => open())

describe('a Redis Cluster', () => {
  it('is found behind any node and reaches keys of slots other nodes serve', async () => {
    const redis = await connectRedis(url())
    try {
      expect(redis.isCluster).toBe(true)
      expect(mastersOf(redis)).toHaveLength(3)
    } finally {
      redis.disconnect()
    }
    // Namespaces hash to slots all over the cluster: every one works through the first node.
    const stores = await Promise.all(['n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((name) => open(name)))
    try {
      for (const store of stores) {
        await store.add([entryOf('a', article(1)), entryOf('b', article(1))])
        expect(await store.getCluster('b')).toMatchObject({ cluster: 'a', size: 2 })
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()))
    }
    await dropRedisIndex(url(), 'n1')
    const dropped = await open('n1')
    try {
      expect((await dropped.stats()).documents).toBe(0)
    } finally {
      await dropped.close()
    }
  })

  it('refuses a database other than 0, naming the node', async () => {
    await expect(connectRedis(`${url()}/3`)).rejects.toThrow(/Redis Cluster node.*database 0/)
  })
})
