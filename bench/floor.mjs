// The floor for the speed benchmark: read a JSONL corpus, decode and parse each line and tokenise its
// text, with no cleaning, hashing or clustering: what this machine can do on the input at best.
// Usage: node bench/floor.mjs FILE.jsonl[.gz] [--json]
import { createReadStream } from 'node:fs'
import { parseArgs } from 'node:util'
import { createGunzip } from 'node:zlib'
import { comparisonTokens } from '../dist/index.js'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false } },
})
const file = positionals[0]
if (file === undefined) {
  console.error('usage: node bench/floor.mjs FILE.jsonl [--json]')
  process.exitCode = 2
} else {
  const started = performance.now()
  const counts = { docs: 0, tokens: 0, textBytes: 0, fileBytes: 0 }
  const handle = (bytes) => {
    const line = bytes.toString('utf8')
    if (line.trim() === '') return
    const text = JSON.parse(line).text
    if (typeof text !== 'string') return
    counts.docs++
    counts.textBytes += Buffer.byteLength(text)
    // The token count keeps the tokeniser's work from being optimised away.
    counts.tokens += comparisonTokens(text).length
  }
  // Lines are cut from the raw chunks and decoded one by one, as winnow's reader does; only a
  // line that spans two chunks is copied.
  let pending = []
  const raw = createReadStream(file, { highWaterMark: 1 << 20 })
  for await (const chunk of file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw) {
    counts.fileBytes += chunk.length
    let start = 0
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, start)) {
      pending.push(chunk.subarray(start, i))
      handle(pending.length === 1 ? pending[0] : Buffer.concat(pending))
      pending = []
      start = i + 1
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
  }
  if (pending.length > 0) handle(Buffer.concat(pending))
  const seconds = (performance.now() - started) / 1000
  const result = {
    ...counts,
    seconds,
    docsPerSecond: counts.docs / seconds,
    mbPerSecond: counts.textBytes / 1e6 / seconds,
  }
  if (values.json) console.log(JSON.stringify(result))
  else
    console.log(
      `floor: ${counts.docs} docs, ${(counts.textBytes / 1e6).toFixed(1)} MB of text, ${counts.tokens} tokens in ${seconds.toFixed(2)} s: ${Math.round(result.docsPerSecond)} docs/s, ${result.mbPerSecond.toFixed(1)} MB/s`,
    )
}
