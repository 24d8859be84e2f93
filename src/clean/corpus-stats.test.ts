import { describe, expect, it } from 'vitest'
import { createCorpusStats, createFrozenStats } from './corpus-stats.js'
import { measurePage } from './page-lines.js'
import { hashPrefixed } from '../text/hash.js'

describe('createCorpusStats', () => {
  it('keeps template lines exact while dropping one-page keys beyond its bound', () => {
    const stats = createCorpusStats({ maxKeys: 50 })
    // Digits are masked in line keys, so each page's own line differs in letters.
    const letters = (n: number) =>
      n.toString(26).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? '')
    for (let page = 0; page < 200; page++) {
      stats.addPage(
        'site.example',
        `Subscribe to our newsletter\nUnique line ${letters(page)} here.`,
      )
    }
    const context = stats.contextFor('site.example')
    expect(
      context.templateCount(hashPrefixed('l ', 'subscribe to our newsletter', context.groupSeed)),
    ).toBe(200)
    expect(context.groupPages).toBe(200)
    // Far fewer than the 200 one-page words survive the bound; without it, all would.
    expect(stats.tables().words.keys.length).toBeLessThan(110)
    const unbounded = createCorpusStats()
    for (let page = 0; page < 200; page++)
      unbounded.addPage('site.example', `Unique ${letters(page)}.`)
    expect(unbounded.tables().words.keys.length).toBe(201)
  })

  it('gives worker threads the same answers through its tables', () => {
    const stats = createCorpusStats()
    for (let page = 0; page < 60; page++) stats.addPage('a.example', `Menu\nStory ${page} words.`)
    const frozen = createFrozenStats(stats.tables()).contextFor('a.example')
    const live = stats.contextFor('a.example')
    const menu = hashPrefixed('l ', 'menu', live.groupSeed)
    expect(frozen.templateCount(menu)).toBe(live.templateCount(menu))
    expect(live.templateCount(menu)).toBe(60)
    const { words } = measurePage('Menu\nStory 7 words.')
    const weights = live.wordWeights(words)
    expect(frozen.wordWeights(words)).toEqual(weights)
    // Words on every page weigh least; numbers are fixed low; unseen words weigh most.
    expect(weights[0]).toBeCloseTo(Math.log(61 / 61))
    expect(weights[2]).toBe(0.1)
    expect(live.wordWeights(measurePage('Unseen').words)[0]).toBeCloseTo(Math.log(61))
    expect(frozen.groupPages).toBe(60)
  })
})
