import { describe, expect, it } from 'vitest'
import { linesSharedAcrossArticles } from './shared-line-table.js'

describe('linesSharedAcrossArticles', () => {
  it('keeps lines carried by two articles, not lines repeated within one', () => {
    const hashes = Float64Array.of(7, 9, 7, 9, 11, 2 ** 40 + 7)
    const articles = Int32Array.of(1, 3, 2, 3, 4, 5)
    expect([...linesSharedAcrossArticles(hashes, articles)]).toEqual([7])
  })

  it('tells apart hashes that share their low 32 bits', () => {
    const hashes = Float64Array.of(2 ** 40 + 7, 7, 2 ** 40 + 7)
    const articles = Int32Array.of(1, 2, 1)
    expect(linesSharedAcrossArticles(hashes, articles)).toHaveLength(0)
  })
})
