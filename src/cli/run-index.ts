// Run `winnow index stats|export|compact <corpus.db>`: look after a persistent index.
import { UsageError } from '../errors.js'
import { writeJsonl } from '../io/write-jsonl.js'
import { openIndex } from '../pipeline/open-index.js'
import type { IndexStore } from '../store/index-store.js'
import { INDEX_FLAGS } from './flags.js'
import { parseFlags } from './parse-flags.js'
import { checkNamespace } from './parse-dedup-args.js'
import { openWritable, type CliIo } from './run-dedup.js'

const ACTIONS = ['stats', 'export', 'compact'] as const
type Action = (typeof ACTIONS)[number]

/**
 * Execute `winnow index <action> <corpus.db>`. A missing, damaged or newer index is a
 * StoreError naming the file (exit 2).
 *
 * @example
 * await runIndex(['stats', 'corpus.db'], io) // 0, the counts as JSON on stdout
 */
export async function runIndex(args: readonly string[], io: CliIo): Promise<number | 'help'> {
  const { values, positionals } = parseFlags(args, INDEX_FLAGS, true)
  if (values.boolean('help')) return 'help'
  const [action, path, ...extra] = positionals
  if (!isAction(action)) {
    throw new UsageError(
      `index needs an action: ${ACTIONS.join(', ')}${action === undefined ? '' : ` (got "${action}")`}`,
    )
  }
  if (path === undefined || extra.length > 0) {
    throw new UsageError(`index ${action} needs one index file`)
  }
  if (
    action !== 'export' &&
    (values.string('output') !== undefined || values.boolean('clusters'))
  ) {
    throw new UsageError('--output and --clusters go with index export only')
  }
  const namespace = values.string('namespace')
  const store = await openIndex({
    path,
    ...(namespace === undefined ? {} : { namespace: checkNamespace(namespace, path) }),
    readonly: action !== 'compact',
  })
  try {
    if (action === 'stats') {
      io.stdout.write(`${JSON.stringify(await store.stats(), null, 2)}\n`)
    } else if (action === 'export') {
      await exportIndex(store, values.string('output'), values.boolean('clusters'), io)
    } else {
      const { bytesBefore, bytesAfter } = await store.compact()
      if (!values.boolean('quiet')) {
        io.stderr.write(
          `winnow: compacted ${path}: ${megabytes(bytesBefore)} → ${megabytes(bytesAfter)}\n`,
        )
      }
    }
    return 0
  } finally {
    await store.close()
  }
}

async function exportIndex(
  store: IndexStore,
  path: string | undefined,
  clusters: boolean,
  io: CliIo,
): Promise<void> {
  const output = await openWritable(path, io.stdout)
  try {
    await writeJsonl(clusters ? store.clusters() : store.documents(), output.stream)
  } finally {
    await output.close()
  }
}

function isAction(value: string | undefined): value is Action {
  return (ACTIONS as readonly (string | undefined)[]).includes(value)
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`
}
