// A throwaway Redis Cluster of three masters on loopback, for tests of the cluster code paths.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A running cluster: a URL of each node, and how to stop it. */
export interface LocalCluster {
  urls: string[]
  stop(): Promise<void>
}

/**
 * Start three `redis-server` processes in cluster mode on free ports and join them into one
 * cluster (each master takes a third of the slots), keeping nothing on disk.
 *
 * @example
 * const cluster = await startLocalCluster()
 * await cluster.stop()
 */
export async function startLocalCluster(): Promise<LocalCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-cluster-'))
  const ports = await freeClusterPorts(3)
  const servers: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, `nodes-${port}.conf`),
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { stdio: 'ignore' },
    ),
  )
  const stop = async () => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((done) => {
            if (server.exitCode !== null) return done()
            server.once('exit', () => done())
            server.kill('SIGKILL')
          }),
      ),
    )
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    for (const port of ports) await waitFor(() => ping(port))
    execFileSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...ports.map((port) => `127.0.0.1:${port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ],
      { stdio: 'ignore' },
    )
    for (const port of ports) await waitFor(() => clusterReady(port))
  } catch (error) {
    await stop()
    throw error
  }
  return { urls: ports.map((port) => `redis://127.0.0.1:${port}`), stop }
}

function ping(port: number): boolean {
  try {
    return execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).includes(
      'PONG',
    )
  } catch {
    return false
  }
}

function clusterReady(port: number): boolean {
  const info = execFileSync('redis-cli', ['-p', String(port), 'cluster', 'info'], {
    encoding: 'utf8',
  })
  return info.includes('cluster_state:ok')
}

async function waitFor(ready: () => boolean): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if (ready()) return
    await new Promise((wait) => setTimeout(wait, 100))
  }
  throw new Error('the local Redis Cluster did not come up')
}

// Ports whose cluster bus port (port + 10000) is free as well.
async function freeClusterPorts(count: number): Promise<number[]> {
  const ports: number[] = []
  while (ports.length < count) {
    const port = await freePort()
    if (port < 55000 && !ports.includes(port) && (await isFree(port + 10000))) ports.push(port)
  }
  return ports
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}
