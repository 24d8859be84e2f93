// The founding example: two captures of one article in different furniture become one cluster,
// and each cleans to the article itself.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULT_READ_OPTIONS, readInputs } from '../src/io/read-inputs.js'
import { dedupCorpus } from '../src/pipeline/dedup-corpus.js'

const seeds = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/seeds')
const files = ['000_07748a904d718e90.txt', '001_f61d526c70a1854c.txt'].map((name) =>
  join(seeds, name),
)

// The boilerplate the seeds' README lists: none of it may survive cleaning.
const FURNITURE = [
  'scroll to top arrow or icon',
  'Subscribe to GZERO',
  'More from GZERO Media',
  'Munich Security Conference',
  'Pope Leo XIV',
  'Qingdao Port',
]

describe.runIf(existsSync(seeds))('the seed captures', () => {
  it('form one cluster and clean to the article', async () => {
    const run = await dedupCorpus(readInputs(files, DEFAULT_READ_OPTIONS))
    expect(run.records).toHaveLength(2)
    const [first, second] = run.records
    expect(first?.cluster).toBe(second?.cluster)
    expect(run.stats.clusters).toBe(1)

    const article = readFileSync(join(seeds, 'expected/article.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
    expect(article).toHaveLength(7)
    const caption = 'Colonel Sidi Mohamed delivers a message'
    for (const record of run.records) {
      for (const line of article) expect(record.text).toContain(line)
      for (const furniture of FURNITURE) expect(record.text).not.toContain(furniture)
      expect(record.text.split(caption).length - 1).toBeLessThanOrEqual(1)
      expect(record.text.split('\n')).not.toContain('Reuters')
    }
  })
})
