// The behaviour every index store must have, as one suite each backend runs.
import { describe, expect, it } from 'vitest'
import { bandHashes } from '../dedup/lsh.js'
import { signText } from '../dedup/sign-text.js'
import type { IndexEntry, IndexStore } from './index-store.js'

/** Opens a fresh, empty store with the default options; `cleanup` runs after each test. */
export type OpenFreshStore = () => Promise<IndexStore>

const SIGN = { shingleSize: 3, permutations: 128, bands: 64 }

/** An entry signed as a run signs it: the same exact key, bands and shingles. */
export function entryOf(id: string, text: string, extra: Partial<IndexEntry> = {}): IndexEntry {
  const signed = signText(text, SIGN)
  return {
    id,
    exact: signed.exact,
    tokens: signed.tokens,
    bands: bandHashes(signed.signature, SIGN.bands, SIGN.permutations / SIGN.bands),
    set: signed.set,
    cleanedLength: text.length,
    ...extra,
  }
}

// A word per (seed, position), mixed so that articles of different seeds share no words.
const word = (seed: number, i: number) => {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2d)
  return `w${(h ^ (h >>> 15)) >>> 0}`
}
const words = (seed: number, count: number) =>
  Array.from({ length: count }, (_, i) => word(seed, i)).join(' ')

/** An article of `count` invented words; the same seed gives the same words. */
export const article = (seed: number, count = 120) => words(seed, count)

/**
 * Run the contract against a backend.
 *
 * @example
 * describeStoreContract('sqlite', () => openSqliteStore({ path, rules: matchRules, create }))
 */
export function describeStoreContract(name: string, open: OpenFreshStore): void {
  describe(`${name} store contract`, () => {
    it('adds a first document as new, the canonical copy of its own cluster', async () => {
      const store = await open()
      const [verdict] = await store.add([entryOf('a', article(1))])
      expect(verdict).toEqual({
        id: 'a',
        status: 'new',
        cluster: 'a',
        canonical: true,
        duplicate_of: null,
        similarity: 1,
        reason: null,
      })
      await store.close()
    })

    it('joins exact and near copies to the first copy, and reports a known id as already seen', async () => {
      const store = await open()
      const text = article(2)
      const edited = text.replace(/w\d+ w\d+$/, 'changed ending')
      const verdicts = await store.add([
        entryOf('a', text),
        entryOf('b', text),
        entryOf('c', edited),
        entryOf('d', article(3)),
      ])
      expect(verdicts.map((v) => [v.status, v.cluster, v.reason])).toEqual([
        ['new', 'a', null],
        ['duplicate', 'a', 'exact'],
        ['duplicate', 'a', 'near'],
        ['new', 'd', null],
      ])
      const [again] = await store.add([entryOf('c', edited)])
      expect(again).toMatchObject({ status: 'already_seen', cluster: 'a', duplicate_of: 'a' })
      expect((await store.stats()).documents).toBe(4)
      await store.close()
    })

    it('checks without adding, answering as an add would', async () => {
      const store = await open()
      await store.add([entryOf('a', article(4))])
      const checked = await store.check(entryOf('b', article(4)))
      expect(checked).toMatchObject({ status: 'duplicate', cluster: 'a', reason: 'exact' })
      expect((await store.stats()).documents).toBe(1)
      expect(await store.getDocument('b')).toBeUndefined()
      const [added] = await store.add([entryOf('b', article(4))])
      expect(added).toEqual(checked)
      await store.close()
    })

    it('makes a more complete copy the canonical one, and names the cluster after it', async () => {
      const store = await open()
      const full = article(5, 300)
      const truncated = full.split(' ').slice(0, 120).join(' ')
      await store.add([entryOf('cut', truncated)])
      const [verdict] = await store.add([entryOf('full', full)])
      expect(verdict).toMatchObject({ status: 'duplicate', cluster: 'full', canonical: true })
      expect(await store.getDocument('cut')).toMatchObject({
        cluster: 'full',
        canonical: false,
        duplicate_of: 'full',
        reason: 'contained',
        matched_with: null,
      })
      expect(await store.getDocument('full')).toMatchObject({ matched_with: 'cut' })
      await store.close()
    })

    it('merges two clusters that a new document bridges', async () => {
      const store = await open()
      const left = article(6, 100)
      const right = article(7, 100)
      await store.add([entryOf('left', left), entryOf('right', right)])
      const bridge = `${left} ${right}`
      const [verdict] = await store.add([entryOf('bridge', bridge)])
      expect(verdict).toMatchObject({ status: 'duplicate', cluster: 'bridge', canonical: true })
      const cluster = await store.getCluster('left')
      expect(cluster?.cluster).toBe('bridge')
      expect(cluster?.members.map((m) => m.id)).toEqual(['left', 'right', 'bridge'])
      expect((await store.stats()).clusters).toBe(1)
      expect(await store.counts()).toEqual({ documents: 3, clusters: 1 })
      await store.close()
    })

    it('never joins empty documents', async () => {
      const store = await open()
      const verdicts = await store.add([entryOf('e1', ''), entryOf('e2', '')])
      expect(verdicts.map((v) => [v.status, v.cluster])).toEqual([
        ['new', 'e1'],
        ['new', 'e2'],
      ])
      await store.close()
    })

    it('adds a batch whole or not at all', async () => {
      const store = await open()
      const broken = { ...entryOf('bad', article(8)), bands: new Uint32Array(3) }
      await expect(store.add([entryOf('good', article(9)), broken])).rejects.toThrow()
      expect(await store.getDocument('good')).toBeUndefined()
      expect((await store.stats()).documents).toBe(0)
      await store.close()
    })

    it('walks documents and clusters in the order they were added', async () => {
      const store = await open()
      await store.add([
        entryOf('x', article(10), { url: 'https://a.example/x', fetchedAt: '2026-01-01' }),
        entryOf('y', article(11)),
        entryOf('z', article(10), { text: 'kept text' }),
      ])
      const docs = []
      for await (const doc of store.documents()) docs.push(doc)
      expect(docs.map((d) => [d.id, d.cluster])).toEqual([
        ['x', 'x'],
        ['y', 'y'],
        ['z', 'x'],
      ])
      expect(docs[0]).toMatchObject({ url: 'https://a.example/x', fetched_at: '2026-01-01' })
      expect(docs[2]?.text).toBe('kept text')
      const clusters = []
      for await (const cluster of store.clusters()) clusters.push([cluster.cluster, cluster.size])
      expect(clusters).toEqual([
        ['x', 2],
        ['y', 1],
      ])
      expect(await store.knownIds(['x', 'q', 'z'])).toEqual(new Set(['x', 'z']))
      await store.close()
    })

    it('keeps the cleaning statistics that additions bring, summed', async () => {
      const store = await open()
      const delta = {
        pages: 2,
        sitePages: [['a.example', 2]] as [string, number][],
        templateKeys: Float64Array.from([11, 11, 12]),
        words: Float64Array.from([5]),
      }
      await store.add([entryOf('m', article(12))], delta)
      await store.add([entryOf('n', article(13))], { ...delta, pages: 1 })
      await store.learnLines(Float64Array.from([7, 8]), Float64Array.from([9]))
      await store.learnLines(Float64Array.from([8]), Float64Array.from([]))
      const model = await store.model()
      expect(model.pages).toBe(3)
      expect(model.sitePages).toEqual([['a.example', 4]])
      const counts = new Map(
        [...model.templates.keys].map((k, i) => [k, model.templates.counts[i]]),
      )
      expect(counts).toEqual(
        new Map([
          [11, 4],
          [12, 2],
        ]),
      )
      expect([...model.sharedLines].sort()).toEqual([7, 8])
      expect([...model.sectionBreaks]).toEqual([9])
      await store.close()
    })
  })
}
