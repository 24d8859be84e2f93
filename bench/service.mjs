// The service under load, on loopback: documents/s through the batch API against the CLI on the
// same pages, then /v1/check latency at 1 and at 50 concurrent connections (autocannon).
// Usage: npm run bench:service [-- --docs N] [--seconds S] [--no-cli]
// The index is built through the service itself (N pages of bench/generate-corpus.mjs, in batches
// of 100, two requests in flight); checks send 1,000 further pages of the same crawl.
import { execFileSync, spawn } from 'node:child_process'
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
/* global fetch */
import autocannon from 'autocannon'

const here = dirname(fileURLToPath(import.meta.url))
const bin = join(here, '../dist/cli/bin.js')
const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '20' },
    // Skip the two CLI runs (the slow part) when only the service's own figures are wanted.
    'no-cli': { type: 'boolean', default: false },
  },
})
const docs = Number(values.docs)
const CHECKS = 1000
const WARMUP_SECONDS = 5
const BATCH = 100

const out = join(here, 'out')
mkdirSync(out, { recursive: true })
const corpus = join(out, `service-corpus-${docs + CHECKS}.jsonl`)
if (!existsSync(corpus)) {
  const generator = join(here, 'generate-corpus.mjs')
  execFileSync(process.execPath, [generator, '--docs', String(docs + CHECKS), '--out', corpus])
}
const work = mkdtempSync(join(tmpdir(), 'winnow-bench-service-'))

try {
  console.log(
    `service bench: ${docs.toLocaleString('en')} documents, ${cpus().length} cores, ${cpus()[0]?.model ?? ''}`,
  )
  const pages = []
  for await (const line of createInterface({ input: createReadStream(corpus) })) {
    if (line !== '') pages.push(JSON.parse(line))
  }
  const indexed = pages.slice(0, docs)
  const checked = pages.slice(docs)
  const indexedFile = join(work, 'indexed.jsonl')
  writeFileSync(indexedFile, indexed.map((page) => JSON.stringify(page)).join('\n') + '\n')

  // The CLI on the same pages, one worker thread, with an index and without.
  const dedupSeconds = (...extra) =>
    timed(() =>
      execFileSync(process.execPath, [bin, 'dedup', indexedFile, '--workers', '1', '-q', ...extra]),
    )
  const withCli = !values['no-cli']
  const cli = withCli
    ? dedupSeconds('--index', join(work, 'cli.db'), '-o', join(work, 'cli.jsonl'))
    : NaN
  const cliPlain = withCli ? dedupSeconds('-o', join(work, 'plain.jsonl')) : NaN

  const index = join(work, 'service.db')
  const server = await startService(index)
  const ingest = await timedAsync(() => ingestAll(server.url, indexed))
  const one = await checkLatency(server.url, checked, 1)
  const fifty = await checkLatency(server.url, checked, 50)
  await stopService(server)
  // The same index with every check answered on the main thread.
  const single = await startService(index, ['--threads', '0'])
  const oneSingle = await checkLatency(single.url, checked, 1)
  const fiftySingle = await checkLatency(single.url, checked, 50)
  await stopService(single)

  const rate = (seconds) => Math.round(docs / seconds).toLocaleString('en')
  console.log('| measure | figure |')
  console.log('| --- | ---: |')
  if (withCli) {
    console.log(`| CLI \`dedup --workers 1\`, no index | ${rate(cliPlain)} docs/s |`)
    console.log(`| CLI \`dedup --workers 1 --index\` | ${rate(cli)} docs/s |`)
  }
  console.log(
    `| service, \`POST /v1/documents\` batches of ${BATCH} | ${rate(ingest)} docs/s${withCli ? ` (the CLI's time ÷ the service's: ${(cli / ingest).toFixed(2)} with an index, ${(cliPlain / ingest).toFixed(2)} without)` : ''} |`,
  )
  for (const [connections, threads, result] of [
    [1, `${cpus().length} check threads`, one],
    [50, `${cpus().length} check threads`, fifty],
    [1, 'checks on the main thread', oneSingle],
    [50, 'checks on the main thread', fiftySingle],
  ]) {
    console.log(
      `| \`POST /v1/check\`, ${connections} connection${connections === 1 ? '' : 's'}, ${threads}, ${docs.toLocaleString('en')} documents indexed | p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${Math.round(result.requests.average)} requests/s, ${result.non2xx} non-2xx |`,
    )
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

function timed(run) {
  const start = process.hrtime.bigint()
  run()
  return Number(process.hrtime.bigint() - start) / 1e9
}

async function timedAsync(run) {
  const start = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - start) / 1e9
}

function startService(index, extra = []) {
  const child = spawn(process.execPath, [bin, 'serve', '--index', index, '--port', '0', ...extra])
  return new Promise((ok, fail) => {
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      const match = /listening on (http:\/\/\S+)/.exec(stderr)
      if (match !== null) ok({ url: match[1], child })
    })
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)))
  })
}

function stopService({ child }) {
  return new Promise((done) => {
    child.once('exit', done)
    child.kill('SIGTERM')
  })
}

// Batches sent in order, two in flight, so the service parses one while it adds the other.
async function ingestAll(url, pages) {
  const batches = []
  for (let at = 0; at < pages.length; at += BATCH) batches.push(pages.slice(at, at + BATCH))
  let next = 0
  const sender = async () => {
    while (next < batches.length) {
      const batch = batches[next++]
      const documents = batch.map(({ id, url: pageUrl, text }) => ({ id, url: pageUrl, text }))
      const response = await fetch(`${url}/v1/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ documents }),
      })
      if (!response.ok) throw new Error(`ingest: ${response.status} ${await response.text()}`)
      await response.arrayBuffer()
    }
  }
  await Promise.all([sender(), sender()])
}

function checkLatency(url, pages, connections) {
  let next = 0
  return autocannon({
    url,
    connections,
    duration: Number(values.seconds),
    // Steady state: a running service's threads have compiled their code and read in the index
    // pages they touch; the first seconds after a start, at this load, are not counted.
    warmup: { connections, duration: WARMUP_SECONDS },
    requests: [
      {
        method: 'POST',
        path: '/v1/check',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const page = pages[next++ % pages.length]
          return {
            ...request,
            body: JSON.stringify({ id: page.id, url: page.url, text: page.text }),
          }
        },
      },
    ],
  })
}
