// What the Redis index tests compare: the partition an index holds, read through the CLI.
import { execFileSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { jsonLines } from './run-cli.js'

/** The Redis the tests use; `.ci/run` starts it when it is down. */
export const REDIS = process.env['WINNOW_TEST_REDIS'] ?? 'redis://127.0.0.1:6379'

const bin = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dist/cli/bin.js')

function exported(namespace: string): Record<string, unknown>[] {
  return jsonLines(
    execFileSync(process.execPath, [bin, 'index', 'export', REDIS, '--namespace', namespace], {
      encoding: 'utf8',
    }),
  )
}

/** Each cluster of a namespace's index as its sorted ids, the clusters sorted too. */
export function partitionOf(namespace: string): string[][] {
  const clusters = new Map<string, string[]>()
  for (const doc of exported(namespace)) {
    const members = clusters.get(String(doc['cluster'])) ?? []
    members.push(String(doc['id']))
    clusters.set(String(doc['cluster']), members)
  }
  return [...clusters.values()].map((ids) => ids.sort()).sort()
}

/** What cleaning made of each document: its id, content hash and cleaned length, sorted. */
export function cleanedOf(namespace: string): string[] {
  return exported(namespace)
    .map(
      (doc) =>
        `${String(doc['id'])} ${String(doc['content_hash'])} ${String(doc['cleaned_length'])}`,
    )
    .sort()
}
