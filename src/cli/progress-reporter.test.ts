import { describe, expect, it } from 'vitest'
import { createProgressReporter, progressLine } from './progress-reporter.js'

function sink() {
  const writes: string[] = []
  return { writes, out: { write: (text: string) => writes.push(text) } }
}

describe('progressLine', () => {
  it('shows documents, share, rate and time left', () => {
    expect(progressLine({ stage: 'first pass', done: 4000, total: 9134 }, 6.2)).toBe(
      'winnow: first pass 4,000/9,134 documents (43%), 645 docs/s, about 8 s left',
    )
  })
  it('shows size and MB/s while reading', () => {
    expect(progressLine({ stage: 'reading', done: 2000, chars: 6_000_000 }, 2)).toBe(
      'winnow: reading 2,000 documents (6.0 MB), 1,000 docs/s, 3.0 MB/s',
    )
  })
})

describe('createProgressReporter', () => {
  it('prints plain lines no more often than its interval', () => {
    let time = 0
    const { writes, out } = sink()
    const reporter = createProgressReporter(out, {
      interactive: false,
      intervalMs: 5000,
      now: () => time,
    })
    for (const [at, done] of [
      [0, 0],
      [1000, 1000],
      [6000, 6000],
      [8000, 8000],
      [12000, 12000],
    ] as const) {
      time = at
      reporter.update({ stage: 'reading', done })
    }
    reporter.finish()
    expect(writes).toEqual([
      'winnow: reading 6,000 documents, 1,000 docs/s\n',
      'winnow: reading 12,000 documents, 1,000 docs/s\n',
    ])
  })
  it('prints nothing for a run shorter than one interval', () => {
    const { writes, out } = sink()
    const reporter = createProgressReporter(out, { interactive: true, now: () => 0 })
    reporter.update({ stage: 'reading', done: 0 })
    reporter.finish()
    expect(writes).toEqual([])
  })
  it('redraws one line on a terminal and clears it at the end', () => {
    let time = 0
    const { writes, out } = sink()
    const reporter = createProgressReporter(out, { interactive: true, now: () => time })
    reporter.update({ stage: 'second pass', done: 0, total: 10 })
    time = 500
    reporter.update({ stage: 'second pass', done: 0, total: 10 })
    reporter.finish()
    expect(writes).toEqual(['\r\x1b[Kwinnow: second pass 0/10 documents (0%)', '\r\x1b[K'])
  })
})
