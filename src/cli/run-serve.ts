// `winnow serve`: open (or create) an index and answer over HTTP until told to stop.
import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import { UsageError } from '../errors.js'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-options.js'
import { createOnlineIndex, type OnlineIndex } from '../pipeline/online-index.js'
import { openIndex, type OpenIndexOptions } from '../pipeline/open-index.js'
import { createApp, startServer } from '../server/index.js'
import { startCheckThreads, type CheckThreads } from '../server/check-threads.js'
import { SERVE_FLAGS } from './flags.js'
import { parseFlags } from './parse-flags.js'
import { checkNamespace } from './parse-dedup-args.js'
import type { CliIo } from './run-dedup.js'

/** What `winnow serve` was asked to do. */
export interface ServeCommand {
  index: string
  namespace?: string
  host: string
  port: number
  token?: string
  bodyLimit: number
  /** Worker threads answering checks; 0 answers them on the main thread. */
  threads: number
  quiet: boolean
}

// More check threads than this gain nothing: the single writer and HTTP stay on one thread.
const MAX_THREADS = 64

/**
 * Read `winnow serve`'s flags; the token comes from `--token` or `WINNOW_TOKEN`. Listening
 * beyond loopback without a token is refused: anyone who reaches the port could write.
 *
 * @example
 * parseServeArgs(['--index', 'corpus.db'], {}).port // 8080
 */
export function parseServeArgs(
  args: readonly string[],
  env: Record<string, string | undefined>,
): ServeCommand | 'help' {
  const { values, positionals } = parseFlags(args, SERVE_FLAGS, true)
  if (values.boolean('help')) return 'help'
  if (positionals.length > 0)
    throw new UsageError(`serve takes no arguments (got "${positionals[0]}")`)
  const index = values.string('index')
  if (index === undefined || index === '') throw new UsageError('serve needs --index FILE')
  const host = values.string('host') ?? '127.0.0.1'
  const port = Number(values.string('port'))
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(
      `--port takes a port number from 0 to 65535 (got "${values.string('port')}")`,
    )
  }
  const token = values.string('token') ?? env['WINNOW_TOKEN']
  if ((token === undefined || token === '') && !isLoopback(host)) {
    throw new UsageError(
      `refusing to listen on ${host} without a token: anyone who reaches it could add documents; set --token or WINNOW_TOKEN, or listen on 127.0.0.1`,
    )
  }
  const namespace = values.string('namespace')
  return {
    index,
    ...(namespace === undefined ? {} : { namespace: checkNamespace(namespace, index) }),
    host,
    port,
    ...(token === undefined || token === '' ? {} : { token }),
    bodyLimit: parseBytes(values.string('max-body') ?? '10mb'),
    threads: parseThreads(values.string('threads')),
    quiet: values.boolean('quiet'),
  }
}

/**
 * Run `winnow serve` until SIGINT or SIGTERM; returns the exit code.
 *
 * @example
 * process.exitCode = await runServe(['--index', 'corpus.db'], io)
 */
export async function runServe(args: readonly string[], io: CliIo): Promise<number | 'help'> {
  const command = parseServeArgs(args, process.env)
  if (command === 'help') return 'help'
  const index: OpenIndexOptions = {
    path: command.index,
    ...(command.namespace === undefined ? {} : { namespace: command.namespace }),
  }
  // A missing index is created with the defaults; an existing one keeps its own options. The
  // writer keeps a filter of band keys, which the check threads share.
  const store = await openIndex({
    ...index,
    createIfMissing: DEFAULT_DEDUP_OPTIONS,
    bandFilter: 'build',
  })
  let threads: CheckThreads | undefined
  try {
    // The threads load the statistics before the writer can add to them; from then on every
    // addition's pages are sent to them.
    if (command.threads > 0) {
      const shared = store.bandFilter === undefined ? {} : { bandFilter: store.bandFilter }
      threads = await startCheckThreads({ ...index, ...shared }, command.threads)
    }
    const checkThreads = threads
    const writer = await createOnlineIndex(
      store,
      checkThreads === undefined ? {} : { onCounted: (facts) => checkThreads.learn(facts) },
    )
    const online: OnlineIndex =
      checkThreads === undefined ? writer : { ...writer, check: (doc) => checkThreads.check(doc) }
    const app = createApp({
      online,
      ...(command.token === undefined ? {} : { token: command.token }),
      bodyLimit: command.bodyLimit,
      source: command.index,
      log: (message) => io.stderr.write(`${message}\n`),
    })
    const server = await startServer(app, {
      host: command.host,
      port: command.port,
      lightGlobals: true,
    })
    if (!command.quiet) {
      const { documents } = await store.counts()
      io.stderr.write(
        `winnow serve: listening on ${server.url} (index ${command.index}, ${documents} documents)\n`,
      )
    }
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'))
      process.once('SIGTERM', () => resolve('SIGTERM'))
    })
    if (!command.quiet) io.stderr.write(`winnow serve: ${signal}, stopping\n`)
    await server.close()
    return 0
  } finally {
    await threads?.close()
    await store.close()
  }
}

// --threads: a count, or one thread per core by default.
function parseThreads(text: string | undefined): number {
  if (text === undefined) return availableParallelism()
  const threads = Number(text)
  if (!/^\d+$/.test(text.trim()) || threads > MAX_THREADS) {
    throw new UsageError(`--threads takes a whole number from 0 to ${MAX_THREADS}, got "${text}"`)
  }
  return threads
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1' || host === '[::1]'
}

/**
 * A size such as `10mb`, `512kb` or `1048576`, in bytes.
 *
 * @example
 * parseBytes('10mb') // 10485760
 */
export function parseBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim())
  const units = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }
  const bytes =
    match === null
      ? NaN
      : Math.floor(Number(match[1]) * units[(match[2] ?? 'b').toLowerCase() as keyof typeof units])
  if (!Number.isFinite(bytes) || bytes < 1) {
    throw new UsageError(`--max-body takes a size such as 10mb, 512kb or 1048576 (got "${text}")`)
  }
  return bytes
}
