// Connect to what a redis:// URL names: a single Redis, or any node of a Redis Cluster.
import type { Cluster, Redis, RedisOptions } from 'ioredis'
import { StoreError } from '../errors.js'

/** A connection to one Redis, or to a whole Redis Cluster through one of its nodes. */
export type RedisConnection = Redis | Cluster

/** How commands of a connection behave when the server is away. */
export interface ConnectOptions {
  /** Retries of a command before it fails; null waits for the server (job queues want that). */
  maxRetriesPerRequest?: number | null
}

/**
 * Connect to the server a `redis://` or `rediss://` URL names. When that server is a node of a
 * Redis Cluster, the connection becomes a cluster client that follows the cluster's slot map,
 * so any node's URL reaches every key; a cluster has database 0 only.
 *
 * @example
 * const redis = await connectRedis('redis://127.0.0.1:6379')
 */
export async function connectRedis(
  url: string,
  options: ConnectOptions = {},
): Promise<RedisConnection> {
  const ioredis = await loadDriver()
  const retries = {
    maxRetriesPerRequest:
      options.maxRetriesPerRequest === undefined ? 2 : options.maxRetriesPerRequest,
  }
  const node = new ioredis.Redis(url, { lazyConnect: true, enableOfflineQueue: true, ...retries })
  // ioredis reports connection trouble as events; the failed command carries the error.
  node.on('error', () => undefined)
  try {
    await node.connect()
    if (!/^cluster_enabled:1/m.test(await node.info('cluster'))) return node
  } catch (error) {
    node.disconnect()
    throw error
  }
  node.disconnect()
  const parsed = new URL(url)
  if (parsed.pathname.length > 1 && parsed.pathname !== '/0') {
    throw new StoreError(
      `${parsed.host} is a Redis Cluster node, and a cluster has database 0 only`,
    )
  }
  const cluster = new ioredis.Cluster(
    [{ host: parsed.hostname, port: parsed.port === '' ? 6379 : Number(parsed.port) }],
    { lazyConnect: true, enableOfflineQueue: true, redisOptions: nodeOptions(parsed, retries) },
  )
  cluster.on('error', () => undefined)
  try {
    await cluster.connect()
  } catch (error) {
    cluster.disconnect()
    throw error
  }
  return cluster
}

/**
 * The connections that hold a connection's keys: the server itself, or each master of a cluster
 * (for SCAN, which a cluster runs node by node).
 *
 * @example
 * for (const node of mastersOf(redis)) await node.dbsize()
 */
export function mastersOf(redis: RedisConnection): Redis[] {
  return redis.isCluster ? (redis as Cluster).nodes('master') : [redis as Redis]
}

// What every node of a cluster is connected with: the URL's credentials and TLS.
function nodeOptions(url: URL, retries: Pick<RedisOptions, 'maxRetriesPerRequest'>): RedisOptions {
  return {
    ...retries,
    ...(url.username === '' ? {} : { username: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  }
}

async function loadDriver(): Promise<{ Redis: typeof Redis; Cluster: typeof Cluster }> {
  try {
    const { Redis, Cluster } = await import('ioredis')
    return { Redis, Cluster }
  } catch (error) {
    throw new StoreError('redis: the package ioredis is needed for a redis:// index; install it', {
      cause: error,
    })
  }
}
