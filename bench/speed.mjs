// Throughput at several corpus sizes: generates (or reuses) a synthetic crawl per size, measures the
// floor (read, parse, tokenise) on it, then times `winnow dedup` on it as a child process with its
// peak memory, scores its output against the crawl's labels (up to 200,000 documents, with the dev
// corpus's scorer when ../shared is there), and prints a markdown table.
// Usage: npm run bench:speed [-- --sizes 10000,100000,1000000] [--dev] [--workers N] [--time-limit MIN] [--keep]
//   [--alphabet ascii|accented|cyrillic] (the crawl's words respelled beyond ASCII; see generate-corpus.mjs)
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, readFileSync, renameSync, rmSync, mkdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setInterval, clearInterval } from 'node:timers'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    // Keep winnow's output files (as large as the corpus); corpora are always kept for reuse.
    keep: { type: 'boolean', default: false },
    // Worker threads for winnow (default: winnow's own, one per core).
    workers: { type: 'string' },
    // Also time the labelled dev corpus beside the project, which other tools are measured on.
    dev: { type: 'boolean', default: false },
    // Minutes a run may take before it is stopped.
    'time-limit': { type: 'string', default: '60' },
    alphabet: { type: 'string', default: 'ascii' },
  },
})
const sizes = values.sizes.split(',').map((size) => Number(size.trim()))
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  console.error(`speed: --sizes takes positive integers, e.g. 10000,100000 (got ${values.sizes})`)
  process.exit(2)
}
if (!['ascii', 'accented', 'cyrillic'].includes(values.alphabet)) {
  console.error(`speed: --alphabet takes ascii, accented or cyrillic (got ${values.alphabet})`)
  process.exit(2)
}
const bin = join(root, 'dist/cli/bin.js')
if (!existsSync(bin)) {
  console.error('speed: dist/ is missing; run `npm run build` (npm run bench:speed does)')
  process.exit(2)
}
const outDir = join(root, 'bench/out')
mkdirSync(outDir, { recursive: true })
const TIME_LIMIT_MS = Number(values['time-limit']) * 60 * 1000
const GNU_TIME = '/usr/bin/time'

// Generated corpora and their labels are cached by size; a generation cut short leaves only
// .partial files.
function corpusFor(size) {
  const name = values.alphabet === 'ascii' ? `speed-${size}` : `speed-${size}-${values.alphabet}`
  const file = join(outDir, `${name}.jsonl`)
  const truth = join(outDir, `${name}.truth.jsonl`)
  if (existsSync(file) && existsSync(truth)) {
    console.error(`speed: reusing ${file}`)
    return { file, truth }
  }
  const generator = join(root, 'bench/generate-corpus.mjs')
  const args = ['--docs', String(size), '--out', `${file}.partial`, '--truth', `${truth}.partial`]
  args.push('--alphabet', values.alphabet)
  execFileSync(process.execPath, [generator, ...args], { stdio: 'inherit' })
  renameSync(`${truth}.partial`, truth)
  renameSync(`${file}.partial`, file)
  return { file, truth }
}

// Pairwise F1 of the clusters and mean token F1 of the cleaned text, by the dev corpus's scorer.
const SCORER = join(root, '../shared/eval/dedup/score.mjs')
const SCORE_MAX_DOCUMENTS = 200_000
function scoreOf(truth, out) {
  const args = [SCORER, '--truth', truth, '--pred', out, '--clean', out]
  const report = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }))
  return { pairwise: report.pairwise.f1, clean: report.clean.mean_f1 }
}

function floorOf(file) {
  const out = execFileSync(process.execPath, [join(root, 'bench/floor.mjs'), file, '--json'], {
    encoding: 'utf8',
  })
  return JSON.parse(out)
}

// Run a command with a time limit; report wall seconds and peak RSS. GNU time's "Maximum resident
// set size" is the kernel's own high-water mark; without it, /proc/<pid>/status VmHWM is polled
// (also a high-water mark, so a poll only misses growth in the last 100 ms before exit).
function measure(command, args) {
  return new Promise((done) => {
    const report = join(outDir, `time-${process.pid}.txt`)
    const useTime = existsSync(GNU_TIME)
    const [file, argv] = useTime
      ? [GNU_TIME, ['-v', '-o', report, command, ...args]]
      : [command, args]
    const started = performance.now()
    // Its own process group, so a run over the limit can be stopped with everything it started.
    const child = spawn(file, argv, { detached: true, stdio: ['ignore', 'inherit', 'inherit'] })
    let peakKb = 0
    let timedOut = false
    const poll = useTime
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
            peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
          } catch {
            // The process has just exited.
          }
        }, 100)
    const timer = setTimeout(() => {
      timedOut = true
      process.kill(-child.pid, 'SIGKILL')
    }, TIME_LIMIT_MS)
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - started) / 1000
      clearTimeout(timer)
      if (poll !== undefined) clearInterval(poll)
      let terminatedBy = null
      if (useTime && existsSync(report)) {
        const text = readFileSync(report, 'utf8')
        peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? 0)
        terminatedBy = /Command terminated by signal (\d+)/.exec(text)?.[1] ?? null
        rmSync(report)
      }
      done({ code, signal: signal ?? terminatedBy, seconds, peakMb: peakKb / 1024, timedOut })
    })
  })
}

const fixed = (x, digits) => x.toFixed(digits)
const thousands = (x) => Math.round(x).toLocaleString('en-US')

const DEV = join(root, '../shared/eval/dedup/dev')
const runs = sizes.map((size) => ({ size, label: thousands(size), corpus: () => corpusFor(size) }))
if (values.dev && existsSync(DEV)) {
  const dev = { file: join(DEV, 'corpus.jsonl.gz'), truth: join(DEV, 'truth.jsonl.gz') }
  runs.unshift({ size: 'dev', label: 'dev corpus', corpus: () => dev })
}

const rows = []
const notes = []
for (const { size, label, corpus: corpusOf } of runs) {
  const { file: corpus, truth } = corpusOf()
  console.error(`speed: floor on ${size} documents`)
  const floor = floorOf(corpus)
  const out = join(outDir, `speed-${size}.out.jsonl`)
  const statsFile = join(outDir, `speed-${size}.stats.json`)
  rmSync(statsFile, { force: true })
  console.error(`speed: winnow dedup on ${size} documents`)
  const run = await measure(process.execPath, [
    bin,
    'dedup',
    corpus,
    '-o',
    out,
    '--stats',
    statsFile,
    '--quiet',
    ...(values.workers === undefined ? [] : ['--workers', values.workers]),
  ])
  const scored =
    run.code === 0 && existsSync(SCORER) && (size === 'dev' || size <= SCORE_MAX_DOCUMENTS)
  const score = scored ? scoreOf(truth, out) : undefined
  if (!values.keep) rmSync(out, { force: true })
  const mb = floor.textBytes / 1e6
  const cells = [label, fixed(mb, 1), thousands(floor.docsPerSecond), fixed(floor.mbPerSecond, 1)]
  const peak = run.peakMb > 0 ? thousands(run.peakMb) : '?'
  if (run.code === 0 && !run.timedOut) {
    const docsPerSecond = floor.docs / run.seconds
    const stats = JSON.parse(readFileSync(statsFile, 'utf8'))
    cells.push(
      thousands(docsPerSecond),
      fixed(mb / run.seconds, 2),
      peak,
      thousands(stats.index_bytes_per_document),
      thousands(stats.temp_bytes_per_document),
      fixed(docsPerSecond / floor.docsPerSecond, 3),
      score === undefined ? '–' : fixed(score.pairwise, 4),
      score === undefined ? '–' : fixed(score.clean, 4),
    )
    notes.push(
      `${label}: ${fixed(run.seconds, 1)} s wall, ${fixed((1e6 * run.seconds) / floor.docs, 0)} µs a document (${stats.seconds} s inside the run), ${thousands(stats.duplicates)} duplicates (${fixed((100 * stats.duplicates) / stats.documents, 1)}%: ${thousands(stats.exact_duplicates)} exact, ${thousands(stats.near_duplicates)} near), ${thousands(stats.clusters)} clusters`,
    )
  } else {
    const why = run.timedOut
      ? `timed out after ${TIME_LIMIT_MS / 60000} min`
      : `failed (exit ${run.code ?? '–'}${run.signal ? `, signal ${run.signal}` : ''}) after ${fixed(run.seconds, 0)} s`
    cells.push(why, '–', peak, '–', '–', '–', '–', '–')
  }
  rows.push(`| ${cells.join(' | ')} |`)
}

const cpu = cpus()
console.log(
  `Machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${fixed(totalmem() / 2 ** 30, 0)} GiB, Node.js ${process.versions.node}. Corpora: bench/generate-corpus.mjs --seed 1 --alphabet ${values.alphabet}. Workers: ${values.workers ?? 'one per core'}.`,
)
console.log('')
console.log(
  '| documents | MB of text | floor docs/s | floor MB/s | winnow docs/s | winnow MB/s | peak RSS MB | index B/doc | temp B/doc | winnow/floor | pairwise F1 | clean F1 |',
)
console.log('| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |')
for (const row of rows) console.log(row)
console.log('')
for (const note of notes) console.log(`- ${note}`)
