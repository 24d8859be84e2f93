// `winnow submit`: cut the input into jobs on the queue, and report until they are done.
import { UsageError } from '../errors.js'
import {
  queueConnection,
  jobIdOf,
  planJobs,
  queueOf,
  submittingKey,
  SUBMITTING_RENEW_MS,
  SUBMITTING_TTL_MS,
  type QueuedJob,
} from '../queue/jobs.js'
import { SUBMIT_FLAGS } from './flags.js'
import { isRedisUrl } from '../pipeline/open-index.js'
import { checkNamespace } from './parse-dedup-args.js'
import { parseFlags } from './parse-flags.js'
import type { CliIo } from './run-dedup.js'

/**
 * Put the jobs of `<input...>` on the namespace's queue and wait for every one to finish.
 * A job's id is its input and line range, so submitting the same input again adds nothing.
 * Exit 0 when all are done, 1 when one failed after its retries.
 *
 * @example
 * process.exitCode = await runSubmit(['crawl.jsonl', '--queue', 'redis://10.0.0.5:6379'], io)
 */
export async function runSubmit(args: readonly string[], io: CliIo): Promise<number | 'help'> {
  const { values, positionals } = parseFlags(args, SUBMIT_FLAGS, true)
  if (values.boolean('help')) return 'help'
  const url = values.string('queue')
  if (url === undefined || !isRedisUrl(url))
    throw new UsageError('submit needs --queue redis://host:port')
  if (positionals.length === 0) throw new UsageError('submit needs at least one input')
  const namespace = checkNamespace(values.string('namespace') ?? 'winnow', url)
  const linesPerJob = Number(values.string('lines'))
  if (!Number.isInteger(linesPerJob) || linesPerJob < 1) {
    throw new UsageError(`--lines takes a positive whole number (got "${values.string('lines')}")`)
  }
  const quiet = values.boolean('quiet')
  const jobs = await planJobs(positionals, linesPerJob)

  const { Queue, QueueEvents } = await import('bullmq')
  const { name, prefix } = queueOf(namespace)
  const connection = await queueConnection(url)
  const queue = new Queue(name, { connection, prefix })
  const events = new QueueEvents(name, { connection, prefix })
  const say = (message: string) => io.stderr.write(`winnow submit: ${message}\n`)
  // Workers that stop when the queue is empty wait while this key lives (see submittingKey).
  const submitting = submittingKey(prefix)
  const markSubmitting = () => connection.set(submitting, '1', 'PX', SUBMITTING_TTL_MS)
  let renew: NodeJS.Timeout | undefined
  try {
    await markSubmitting()
    renew = setInterval(() => void markSubmitting().catch(() => {}), SUBMITTING_RENEW_MS)
    await events.waitUntilReady()
    // Every job's pages are counted into the shared statistics before any job cleans a page,
    // so that each page is cleaned with the same statistics however the jobs are spread.
    for (const phase of PHASES) {
      const added = await queue.addBulk(
        jobs.map((job) => ({
          name: phase.stage,
          data: { ...job, stage: phase.stage } satisfies QueuedJob,
          opts: {
            jobId: `${phase.stage === 'count' ? 'count-' : ''}${jobIdOf(job)}`,
            attempts: 3,
            backoff: { type: 'exponential', delay: 1000 },
          },
        })),
      )
      if (!quiet) say(`${added.length} ${phase.what} jobs on queue ${namespace}`)
      let done = 0
      let failed = 0
      await Promise.all(
        added.map(async (job) => {
          try {
            await job.waitUntilFinished(events)
          } catch (error) {
            failed++
            say(`job ${job.id} failed: ${(error as Error).message}`)
          }
          done++
          if (!quiet) say(`${done} of ${added.length} ${phase.what} jobs finished`)
        }),
      )
      if (failed > 0) {
        if (phase.stage === 'count') say('no page is deduplicated until every job is counted')
        return 1
      }
    }
    return 0
  } finally {
    clearInterval(renew)
    await connection.del(submitting).catch(() => {})
    await events.close()
    await queue.close()
    connection.disconnect()
  }
}

// The two phases of a submission, in order.
const PHASES = [
  { stage: 'count', what: 'counting' },
  { stage: 'dedup', what: 'dedup' },
] as const
