import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { InputError } from '../errors.js'
import { jobIdOf, planJobs } from './jobs.js'

const dir = mkdtempSync(join(tmpdir(), 'winnow-jobs-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const lines = (count: number) =>
  Array.from({ length: count }, (_, i) => JSON.stringify({ id: `d${i}`, text: 'x' })).join('\n') +
  '\n'

describe('planning jobs', () => {
  it('cuts JSONL into line ranges, takes other inputs whole', async () => {
    const crawl = join(dir, 'crawl.jsonl')
    writeFileSync(crawl, lines(25))
    writeFileSync(join(dir, 'page.txt'), 'Oil rose.')
    const jobs = await planJobs([crawl, join(dir, 'page.txt')], 10)
    expect(jobs.map((job) => job.lines)).toEqual([[0, 10], [10, 20], [20, 25], undefined])
    expect(new Set(jobs.map(jobIdOf)).size).toBe(4)
  })

  it('gives a file rewritten under the same name new job ids', async () => {
    const crawl = join(dir, 'daily.jsonl')
    writeFileSync(crawl, lines(5))
    const idNow = async () => (await planJobs([crawl], 10)).map(jobIdOf)[0]
    utimesSync(crawl, 1_000, 1_000)
    const before = await idNow()
    expect(await idNow()).toBe(before)
    writeFileSync(crawl, lines(5).replace(/x/g, 'y'))
    utimesSync(crawl, 2_000, 2_000)
    expect(await idNow()).not.toBe(before)
  })

  it('names an input it cannot read', async () => {
    const missing = join(dir, 'missing.jsonl')
    await expect(planJobs([missing], 10)).rejects.toBeInstanceOf(InputError)
    await expect(planJobs([missing], 10)).rejects.toThrow(/missing\.jsonl: cannot read/)
  })
})
