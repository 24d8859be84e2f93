// Accuracy on the labelled dev corpus: runs `winnow dedup` with and without cleaning and scores
// both with the project's scorer. Usage: npm run bench:accuracy [-- --corpus DIR]
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: { corpus: { type: 'string', default: resolve(root, '../shared/eval/dedup/dev') } },
})
const corpus = resolve(values.corpus)
const scorer = resolve(corpus, '../score.mjs')
const outDir = join(root, 'bench/out')
mkdirSync(outDir, { recursive: true })

function run(label, flags) {
  const out = join(outDir, `accuracy-${label}.jsonl`)
  const stats = join(outDir, `accuracy-${label}.stats.json`)
  const started = process.hrtime.bigint()
  execFileSync(
    process.execPath,
    [
      join(root, 'dist/cli/bin.js'),
      'dedup',
      join(corpus, 'corpus.jsonl.gz'),
      '-o',
      out,
      '--stats',
      stats,
      '--quiet',
      ...flags,
    ],
    { stdio: 'inherit' },
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const score = JSON.parse(
    execFileSync(
      process.execPath,
      [scorer, '--truth', join(corpus, 'truth.jsonl.gz'), '--pred', out, '--clean', out],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    ),
  )
  return { label, seconds, score }
}

const results = [run('winnow', []), run('no-clean', ['--no-clean'])]
const f = (x) => (typeof x === 'number' ? x.toFixed(4) : String(x))

console.log(`corpus: ${corpus}`)
console.log(
  '\n| run | pairwise P | pairwise R | pairwise F1 | B³ F1 | clean mean F1 | share F1>=0.95 | clusters | seconds |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const { label, seconds, score } of results) {
  const p = score.pairwise
  console.log(
    `| ${label} | ${f(p.precision)} | ${f(p.recall)} | ${f(p.f1)} | ${f(score.bcubed?.f1)} | ${f(score.clean?.mean_f1)} | ${f(score.clean?.share_f1_ge_0_95)} | ${score.pred_clusters} | ${seconds.toFixed(1)} |`,
  )
}
const main = results[0].score
console.log('\nwinnow, pair recall by kind:')
for (const [kind, value] of Object.entries(main.pair_recall_breakdown ?? {}))
  console.log(`  ${kind}: ${JSON.stringify(value)}`)
console.log(`  false pairs within one site: ${main.pairwise.fp_pairs_same_site}`)
console.log('\nwinnow, clean mean F1 by variant:')
for (const [variant, value] of Object.entries(main.clean?.mean_f1_by_variant ?? {}))
  console.log(`  ${variant}: ${f(value)}`)
