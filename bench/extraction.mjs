// Main-content extraction accuracy: runs `winnow extract` on each dataset of the shared
// extraction evaluation, scores it with the datasets' scorer, and scores Mozilla Readability
// (@mozilla/readability on a linkedom DOM) on the same pages in the same run as the baseline.
// Also prints title accuracy and extraction speed.
// Usage: npm run bench:extraction [-- --data DIR] [--datasets a,b]
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { Readability } from '@mozilla/readability'
import { parseDocument } from 'htmlparser2'
import { DOMParser } from 'linkedom'
import { renderText } from '../dist/extract/render-text.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(root, '../shared/eval/extraction') },
    datasets: { type: 'string', default: 'scrapinghub-aeb,mozilla-readability' },
  },
})
const data = resolve(values.data)
const scorer = join(data, 'score.mjs')
const outDir = join(root, 'bench/out')
mkdirSync(outDir, { recursive: true })

const f3 = (x) => x.toFixed(3)
const score = (folder, out) =>
  JSON.parse(
    execFileSync(process.execPath, [scorer, '--truth', folder, '--pred-jsonl', out], {
      encoding: 'utf8',
    }),
  )
const pages = (folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.html'))
    .sort()

// winnow as a user runs it: the built command line on the folder as it stands.
function runWinnow(folder, name) {
  const out = join(outDir, `extraction-${name}-winnow.jsonl`)
  const started = process.hrtime.bigint()
  execFileSync(process.execPath, [
    join(root, 'dist/cli/bin.js'),
    'extract',
    folder,
    '-o',
    out,
    '--quiet',
  ])
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return { out, seconds }
}

// Readability renders its article HTML the way the datasets' truth was rendered: one block a line.
function runReadability(folder, name) {
  const out = join(outDir, `extraction-${name}-readability.jsonl`)
  const lines = []
  const started = process.hrtime.bigint()
  for (const page of pages(folder)) {
    let text
    try {
      const html = readFileSync(join(folder, page), 'utf8')
      const document = new DOMParser().parseFromString(html, 'text/html')
      const article = new Readability(document).parse()
      const content = parseDocument(`<div>${article?.content ?? ''}</div>`).children[0]
      text = content === undefined ? '' : renderText(content)
    } catch {
      text = ''
    }
    lines.push(JSON.stringify({ id: page, text }))
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  writeFileSync(out, `${lines.join('\n')}\n`)
  return { out, seconds }
}

function titleAccuracy(folder, out) {
  const titles = new Map(
    readFileSync(out, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line))
      .map((record) => [record.id, record.title]),
  )
  let withTitle = 0
  let exact = 0
  for (const page of pages(folder)) {
    const truth = JSON.parse(readFileSync(join(folder, page.replace(/\.html$/, '.json')), 'utf8'))
    if (typeof truth.title !== 'string' || truth.title === '') continue
    withTitle++
    if (titles.get(page) === truth.title) exact++
  }
  return { withTitle, exact }
}

console.log(
  `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown'}; node ${process.version}`,
)
console.log(
  '\n| dataset | extractor | mean F1 | P | R | median F1 | share F1>=0.9 | titles exact | pages/s | MB/s |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
)
for (const name of values.datasets.split(',')) {
  const folder = join(data, name)
  const files = pages(folder)
  const megabytes = files.reduce((sum, page) => sum + statSync(join(folder, page)).size, 0) / 1e6
  for (const [label, runner] of [
    ['winnow', runWinnow],
    ['Readability.js', runReadability],
  ]) {
    const { out, seconds } = runner(folder, name)
    const s = score(folder, out)
    const titles = label === 'winnow' ? titleAccuracy(folder, out) : undefined
    const titleCell =
      titles === undefined || titles.withTitle === 0 ? '–' : `${titles.exact}/${titles.withTitle}`
    console.log(
      `| ${name} | ${label} | ${f3(s.mean_f1)} | ${f3(s.mean_precision)} | ${f3(s.mean_recall)} | ${f3(s.median_f1)} | ${f3(s.share_f1_ge_0_9)} | ${titleCell} | ${(files.length / seconds).toFixed(0)} | ${(megabytes / seconds).toFixed(1)} |`,
    )
  }
}
console.log(
  '\nwinnow times include starting the command (about 0.2 s); Readability times are in-process and exclude loading files.',
)
