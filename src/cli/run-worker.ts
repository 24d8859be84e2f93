// `winnow worker`: take jobs from the queue and deduplicate each into the shared index.
import { mkdtempSync, rmSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { devNull, tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { UsageError } from '../errors.js'
import { readInputs } from '../io/read-inputs.js'
import { countIntoIndex } from '../pipeline/count-pages.js'
import { isRedisUrl, openIndex } from '../pipeline/open-index.js'
import { queueConnection, linesOf, queueOf, submittingKey, type QueuedJob } from '../queue/jobs.js'
import { WORKER_FLAGS } from './flags.js'
import {
  commandIndex,
  commandResources,
  parseDedupArgs,
  type DedupCommand,
} from './parse-dedup-args.js'
import { parseFlags } from './parse-flags.js'
import { runDedup, type CliIo } from './run-dedup.js'

/**
 * Process jobs until stopped (SIGINT, SIGTERM) or, with `--until-empty`, until the queue holds
 * no job waiting or running. A counting job adds its pages to the index's cleaning statistics in
 * one step, once; a dedup job is a `winnow dedup` run of its input into the index with those
 * statistics as they stand, so a job redone after its worker died adds only what is missing:
 * the index knows every id it holds.
 *
 * @example
 * process.exitCode = await runWorker(['--queue', url, '--index', url], io)
 */
export async function runWorker(args: readonly string[], io: CliIo): Promise<number | 'help'> {
  const { values, positionals } = parseFlags(args, WORKER_FLAGS, true)
  if (values.boolean('help')) return 'help'
  if (positionals.length > 0)
    throw new UsageError('worker takes no inputs: they come from the queue')
  const url = values.string('queue')
  if (url === undefined || !isRedisUrl(url))
    throw new UsageError('worker needs --queue redis://host:port')
  const index = values.string('index')
  if (index === undefined || !isRedisUrl(index)) {
    throw new UsageError(
      'worker needs --index redis://host:port: every worker adds to one shared index',
    )
  }
  const lockSeconds = Number(values.string('lock-seconds'))
  if (!(lockSeconds >= 1))
    throw new UsageError('--lock-seconds takes a number of seconds, at least 1')
  const namespace = values.string('namespace') ?? 'winnow'
  const dedupArgs = passedOn(args)
  // Check the dedup flags now rather than in every job.
  parseDedupArgs(['input', ...dedupArgs])

  const { Queue, Worker } = await import('bullmq')
  const { name, prefix } = queueOf(namespace)
  const connection = await queueConnection(url)
  const quiet = values.boolean('quiet')
  const worker = new Worker(
    name,
    async (job) => {
      const data = job.data as QueuedJob
      if (!quiet) io.stderr.write(`winnow worker: job ${job.id} started\n`)
      const dir = mkdtempSync(join(tmpdir(), 'winnow-job-'))
      try {
        let input = data.input
        if (data.lines !== undefined) {
          input = join(dir, 'part.jsonl')
          const lines: string[] = []
          for await (const line of linesOf(data.input, data.lines)) lines.push(line)
          await writeFile(input, lines.length === 0 ? '' : `${lines.join('\n')}\n`)
        }
        const command = parseDedupArgs([input, ...dedupArgs, '-q', '-o', devNull])
        if (command.help) throw new Error('a job cannot ask for help')
        if (data.stage === 'count') await countJob(command, String(job.id))
        else await runDedup({ ...command, counted: true }, silent)
        if (!quiet) io.stderr.write(`winnow worker: job ${job.id} done\n`)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    { connection, prefix, lockDuration: lockSeconds * 1000, stalledInterval: lockSeconds * 1000 },
  )
  worker.on('failed', (job, error) =>
    io.stderr.write(`winnow worker: job ${job?.id} failed: ${error.message}\n`),
  )
  const queue = new Queue(name, { connection, prefix })
  // Empty, and no submit between its phases (about to add the dedup jobs).
  const isDrained = async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')
    if (!Object.values(counts).every((count) => count === 0)) return false
    return (await connection.exists(submittingKey(prefix))) === 0
  }
  try {
    await new Promise<void>((stop) => {
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
      if (values.boolean('until-empty')) {
        const timer = setInterval(() => {
          void isDrained().then((drained) => {
            if (drained) {
              clearInterval(timer)
              stop()
            }
          })
        }, 500)
      }
    })
  } finally {
    await worker.close()
    await queue.close()
    connection.disconnect()
  }
  return 0
}

// The command line without the worker's own flags: what each job's dedup run is given.
function passedOn(args: readonly string[]): string[] {
  const own = new Set(['--queue', '--lock-seconds'])
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const [flag] = arg.split('=')
    if (flag === '--until-empty') continue
    if (own.has(flag ?? '')) {
      if (!arg.includes('=')) i++
      continue
    }
    out.push(arg)
  }
  return out
}

// A job's output goes nowhere: what a worker makes is the index.
const silent: CliIo = {
  stdin: Readable.from([]),
  stdout: new PassThrough().resume(),
  stderr: new PassThrough().resume(),
}

// The first phase of a job: count its pages into the index's statistics, once.
async function countJob(command: DedupCommand, name: string): Promise<void> {
  if (!command.dedup.clean || command.index === undefined) return
  const store = await openIndex(commandIndex(command, command.index))
  try {
    const input = readInputs(command.inputs, { ...command.read, stdin: silent.stdin })
    await countIntoIndex(input, store, name, commandResources(command), {})
  } finally {
    await store.close()
  }
}
