// Progress on stderr: one redrawn line on a terminal, a plain line every few seconds elsewhere.
import type { Progress } from '../pipeline/progress.js'

/** Draws progress as it comes and clears it at the end. */
export interface ProgressReporter {
  update(progress: Progress): void
  finish(): void
}

/** Where and how often to draw. */
export interface ProgressReporterOptions {
  /** A terminal: redraw one line in place. Otherwise print plain lines. */
  interactive: boolean
  /** Milliseconds between drawings: short on a terminal, long in a log. */
  intervalMs?: number
  now?: () => number
}

/**
 * Create a reporter writing to `out`. Rates are measured from the start of each stage.
 *
 * @example
 * const progress = createProgressReporter(process.stderr, { interactive: process.stderr.isTTY })
 * await dedupCorpus(input, options, { onProgress: progress.update })
 * progress.finish()
 */
export function createProgressReporter(
  out: { write(text: string): unknown },
  options: ProgressReporterOptions,
): ProgressReporter {
  const now = options.now ?? (() => performance.now())
  const interval = options.intervalMs ?? (options.interactive ? 200 : 5000)
  let stage: Progress['stage'] | undefined
  let stageStart = now()
  // Nothing is drawn before one interval has passed, so short runs print no progress at all.
  let lastDrawn = now()
  let drawn = false
  return {
    update(progress) {
      const time = now()
      if (progress.stage !== stage) {
        stage = progress.stage
        stageStart = time
      }
      if (time - lastDrawn < interval) return
      lastDrawn = time
      const line = progressLine(progress, (time - stageStart) / 1000)
      if (options.interactive) out.write(`\r\x1b[K${line}`)
      else out.write(`${line}\n`)
      drawn = true
    },
    finish() {
      if (options.interactive && drawn) out.write('\r\x1b[K')
    },
  }
}

/**
 * One progress line.
 *
 * @example
 * progressLine({ stage: 'first pass', done: 4000, total: 9134 }, 6.2)
 * // 'winnow: first pass 4,000/9,134 documents (43%), 645 docs/s, about 8 s left'
 */
export function progressLine(progress: Progress, seconds: number): string {
  const count = (n: number) => n.toLocaleString('en-US')
  const rate = seconds > 0 ? progress.done / seconds : 0
  const parts = [`winnow: ${progress.stage} ${count(progress.done)}`]
  if (progress.total !== undefined) {
    const share = progress.total === 0 ? 100 : Math.floor((100 * progress.done) / progress.total)
    parts[0] += `/${count(progress.total)} documents (${share}%)`
  } else {
    parts[0] += ' documents'
  }
  // Characters, which are bytes for ASCII text: close enough for a progress line.
  if (progress.chars !== undefined) parts[0] += ` (${(progress.chars / 1e6).toFixed(1)} MB)`
  if (rate > 0) parts.push(`${count(Math.round(rate))} docs/s`)
  if (progress.chars !== undefined && seconds > 0)
    parts.push(`${(progress.chars / 1e6 / seconds).toFixed(1)} MB/s`)
  if (progress.total !== undefined && rate > 0) {
    parts.push(`about ${Math.ceil((progress.total - progress.done) / rate)} s left`)
  }
  return parts.join(', ')
}
