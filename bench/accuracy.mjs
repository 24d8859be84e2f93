// Accuracy on a labelled corpus: runs `winnow dedup` with cleaning, without it (raw-text MinHash,
// the baseline), over a range of thresholds and with each signature method, scores every run with
// the corpus's scorer, and breaks the default run down by kind of copy.
// Usage: npm run bench:accuracy [-- --corpus DIR] [--quick]
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gunzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/eval/dedup/dev') },
    quick: { type: 'boolean', default: false },
  },
})
const corpus = resolve(values.corpus)
const scorer = resolve(corpus, '../score.mjs')
const truthPath = join(corpus, 'truth.jsonl.gz')
const outDir = join(root, 'bench/out')
mkdirSync(outDir, { recursive: true })

function run(label, flags) {
  const out = join(outDir, `accuracy-${label}.jsonl`)
  const started = process.hrtime.bigint()
  execFileSync(
    process.execPath,
    [
      join(root, 'dist/cli/bin.js'),
      'dedup',
      join(corpus, 'corpus.jsonl.gz'),
      '-o',
      out,
      '--quiet',
      ...flags,
    ],
    { stdio: 'inherit', maxBuffer: 1 << 30 },
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const score = JSON.parse(
    execFileSync(process.execPath, [scorer, '--truth', truthPath, '--pred', out, '--clean', out], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  )
  return { label, flags, out, seconds, score }
}

const readJsonl = (path) =>
  (path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))

const f4 = (x) => (typeof x === 'number' ? x.toFixed(4) : String(x))

function summaryRow({ label, seconds, score }) {
  const p = score.pairwise
  return `| ${label} | ${f4(p.precision)} | ${f4(p.recall)} | ${f4(p.f1)} | ${p.fp_pairs} | ${f4(score.bcubed?.f1)} | ${f4(score.clean?.mean_f1)} | ${f4(score.clean?.share_f1_ge_0_95)} | ${score.pred_clusters} | ${seconds.toFixed(1)} |`
}

// Pairs counted by the kind of copy: each non-original capture paired with every other capture
// of its article; a pair is found when both sit in one predicted cluster. False merges are
// predicted pairs of different articles, split by whether the two pages share a site.
function breakdown(truth, predicted) {
  const cluster = new Map(predicted.map((record) => [record.id, record.cluster]))
  const byArticle = new Map()
  for (const page of truth) {
    const list = byArticle.get(page.cluster) ?? []
    list.push(page)
    byArticle.set(page.cluster, list)
  }
  const kinds = new Map()
  const count = (kind, found) => {
    const entry = kinds.get(kind) ?? { pairs: 0, found: 0 }
    entry.pairs++
    if (found) entry.found++
    kinds.set(kind, entry)
  }
  let singles = 0
  let singlesAlone = 0
  const predictedSize = new Map()
  for (const record of predicted)
    predictedSize.set(record.cluster, (predictedSize.get(record.cluster) ?? 0) + 1)
  for (const pages of byArticle.values()) {
    if (pages.length === 1) {
      singles++
      if (predictedSize.get(cluster.get(pages[0].id)) === 1) singlesAlone++
      continue
    }
    for (let i = 0; i < pages.length; i++) {
      for (let j = i + 1; j < pages.length; j++) {
        const [a, b] = [pages[i], pages[j]]
        const found = cluster.get(a.id) === cluster.get(b.id)
        const kind =
          a.variant === 'exact' || b.variant === 'exact'
            ? 'byte-identical recapture'
            : a.site === b.site
              ? a.variant === 'paywall' || b.variant === 'paywall'
                ? 'truncated (paywall), same site'
                : a.variant === 'edited' || b.variant === 'edited'
                  ? 'edited, same site'
                  : 'same-site recapture (recrawl, print, AMP)'
              : a.variant === 'paywall' || b.variant === 'paywall'
                ? 'truncated (paywall), other site'
                : a.variant === 'edited' || b.variant === 'edited'
                  ? 'edited, other site'
                  : 'syndicated copy'
        count(kind, found)
      }
    }
  }
  const truthCluster = new Map(truth.map((page) => [page.id, page]))
  const members = new Map()
  for (const record of predicted) {
    const list = members.get(record.cluster) ?? []
    list.push(truthCluster.get(record.id))
    members.set(record.cluster, list)
  }
  let falseSameSite = 0
  let falseOtherSite = 0
  for (const list of members.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (list[i].cluster === list[j].cluster) continue
        if (list[i].site === list[j].site) falseSameSite++
        else falseOtherSite++
      }
    }
  }
  return { kinds, singles, singlesAlone, falseSameSite, falseOtherSite }
}

const truth = readJsonl(truthPath)
const main = run('winnow', [])
const runs = [main, run('no-clean (raw-text MinHash)', ['--no-clean'])]
const hasSimhash = execFileSync(
  process.execPath,
  [join(root, 'dist/cli/bin.js'), 'dedup', '--help'],
  {
    encoding: 'utf8',
  },
).includes('--method')
if (hasSimhash) {
  for (const distance of ['3', '7']) {
    runs.push(
      run(`simhash, max distance ${distance}`, ['--method', 'simhash', '--max-distance', distance]),
    )
  }
}

console.log(`corpus: ${corpus} (${truth.length} pages)`)
const header =
  '| run | pairwise P | pairwise R | pairwise F1 | false pairs | B³ F1 | clean mean F1 | share F1>=0.95 | clusters | seconds |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
console.log(`\n${header}`)
for (const result of runs) console.log(summaryRow(result))

const parts = breakdown(truth, readJsonl(main.out))
console.log('\nwinnow by kind of copy (pairs found / pairs):')
console.log('\n| case | pairs | recall |\n| --- | ---: | ---: |')
console.log(
  `| single captures kept alone | ${parts.singles} | ${f4(parts.singlesAlone / parts.singles)} |`,
)
for (const [kind, { pairs, found }] of [...parts.kinds].sort())
  console.log(`| ${kind} | ${pairs} | ${f4(found / pairs)} |`)
console.log(
  `\nFalse merges (pairs of different articles in one cluster): ${parts.falseSameSite} within one site, ${parts.falseOtherSite} across sites.`,
)

console.log('\nwinnow cleaned-text mean token F1 by variant:')
for (const [variant, value] of Object.entries(main.score.clean?.mean_f1_by_variant ?? {}))
  console.log(`  ${variant}: ${f4(value)}`)

if (!values.quick) {
  console.log(
    '\nPrecision and recall over the near-duplicate threshold (winnow, cleaned; and raw text):',
  )
  console.log(
    '\n| threshold | P | R | F1 | raw-text P | raw-text R | raw-text F1 |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  )
  for (const threshold of ['0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9']) {
    const cleaned = run(`threshold-${threshold}`, ['--threshold', threshold]).score.pairwise
    const raw = run(`raw-threshold-${threshold}`, ['--threshold', threshold, '--no-clean']).score
      .pairwise
    console.log(
      `| ${threshold} | ${f4(cleaned.precision)} | ${f4(cleaned.recall)} | ${f4(cleaned.f1)} | ${f4(raw.precision)} | ${f4(raw.recall)} | ${f4(raw.f1)} |`,
    )
  }
}
