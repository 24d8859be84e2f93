// A synthetic crawl for end-to-end tests: the benchmark's generator, deterministic.
import { execFileSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const generator = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  'bench/generate-corpus.mjs',
)

/**
 * Write `docs` pages of news sites, about 30% of them copies, as JSONL `{id, url, site, text}`.
 *
 * @example
 * beforeAll(() => writeSyntheticCorpus(corpus, 600), 60_000)
 */
export function writeSyntheticCorpus(out: string, docs: number): void {
  execFileSync(process.execPath, [generator, '--docs', String(docs), '--out', out])
}
