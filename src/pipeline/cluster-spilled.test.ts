import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chooseCanonical } from '../dedup/canonical.js'
import { bandHashes, createLshIndex } from '../dedup/lsh.js'
import { signText, type Signed } from '../dedup/sign-text.js'
import { createUnionFind } from '../dedup/union-find.js'
import { clusterSpilled } from './cluster-spilled.js'
import { DEFAULT_DEDUP_OPTIONS } from './dedup-options.js'
import { joinReason } from './pair-rules.js'
import { createSignedCollector } from './signed-columns.js'

const options = { ...DEFAULT_DEDUP_OPTIONS }
let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-cluster-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

// A corpus of articles, each printed several ways: exact copies, edited copies, truncated copies.
function corpus(): string[] {
  let seed = 11
  const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n
  const word = () => `w${random(3000)}`
  const texts: string[] = []
  for (let article = 0; article < 60; article++) {
    const words = Array.from({ length: 80 + random(200) }, word)
    texts.push(words.join(' '))
    const copies = random(4)
    for (let c = 0; c < copies; c++) {
      const kind = random(3)
      if (kind === 0) texts.push(words.join(' '))
      else if (kind === 1) texts.push(words.map((w) => (random(10) === 0 ? word() : w)).join(' '))
      else texts.push(words.slice(0, Math.floor(words.length * (0.3 + random(6) / 10))).join(' '))
    }
  }
  texts.push('', '')
  // Shuffle, so copies are not next to their originals.
  for (let i = texts.length - 1; i > 0; i--) {
    const j = random(i + 1)
    ;[texts[i], texts[j]] = [texts[j] ?? '', texts[i] ?? '']
  }
  return texts
}

// The reference: add documents one by one, joining each to every earlier LSH candidate that passes.
function clusterOnline(signed: Signed[]) {
  const sets = createUnionFind(signed.length)
  const lsh = createLshIndex({ bands: options.bands, rows: options.permutations / options.bands })
  const firstWithKey = new Map<string, number>()
  const matchedWith = new Int32Array(signed.length).fill(-1)
  signed.forEach((doc, i) => {
    if (doc.exact === undefined) return
    const first = firstWithKey.get(doc.exact)
    if (first !== undefined) {
      sets.union(first, i)
      matchedWith[i] = first
      return
    }
    firstWithKey.set(doc.exact, i)
    for (const other of lsh.add(i, doc.signature)) {
      const earlier = signed[other]
      if (earlier === undefined || joinReason(doc, earlier, options) === null) continue
      if (sets.union(other, i) && matchedWith[i] === -1) matchedWith[i] = other
    }
  })
  const roots = sets.components()
  const canonical = Array.from(roots, (root) => {
    const members = [...roots.keys()].filter((i) => roots[i] === root)
    return chooseCanonical(members, (i) => signed[i]?.tokens ?? 0)
  })
  return { canonical, matchedWith: [...matchedWith] }
}

// Pages that all carry one long stretch of furniture around short articles: different articles
// share many band keys, so large buckets hold pairs that fail, and meet again in band after band.
function templatedCorpus(): string[] {
  let seed = 5
  const random = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n
  const template = Array.from({ length: 90 }, (_, i) => `menu${i}`).join(' ')
  return Array.from({ length: 150 }, (_, i) => {
    const article = Array.from({ length: 40 + random(60) }, () => `w${random(5000)}`).join(' ')
    // Every fifth page repeats the page before it with one word changed.
    return i % 5 === 4 ? '' : `${template} ${article}`
  }).map((text, i, texts) => (text === '' ? `${texts[i - 1] ?? ''} changed` : text))
}

describe('clusterSpilled', () => {
  it.each([
    ['copies of every kind', corpus, ['exact', 'near', 'contained']],
    ['pages that share their furniture', templatedCorpus, ['near']],
  ] as const)(
    'gives the clusters, canonical copies and first matches of the one-by-one reference: %s',
    (_, texts, reasons) => {
      const signed = texts().map((text) => signText(text, options))
      const collector = createSignedCollector(dir, 'test', options.bands, false)
      for (const doc of signed) {
        collector.add({
          exact: doc.exact,
          tokens: doc.tokens,
          bands: bandHashes(doc.signature, options.bands, options.permutations / options.bands),
          set: doc.set,
        })
      }
      const places = clusterSpilled(collector.finish(), options)
      collector.close()
      const reference = clusterOnline(signed)
      expect([...places.canonical]).toEqual(reference.canonical)
      expect([...places.matchedWith]).toEqual(reference.matchedWith)
      // Each corpus has copies of these kinds, so the comparison is not between two empty results.
      for (const kind of reasons) {
        expect(places.reason.filter((reason) => reason === kind).length).toBeGreaterThan(10)
      }
    },
  )
})
