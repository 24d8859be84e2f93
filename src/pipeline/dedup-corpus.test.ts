import { describe, expect, it } from 'vitest'
import type { InputDocument, InputRecord } from '../types.js'
import { dedupCorpus } from './dedup-corpus.js'

const PARAGRAPHS = [
  'The regional water board said on Monday that reservoir levels in the northern valleys had fallen to their lowest point in eleven years after a dry winter.',
  'Farmers in the valley districts will be asked to cut irrigation by a fifth from May, and the board will publish a weekly report on each reservoir.',
  'Board chair Lena Osei said the cuts could be lifted early if the spring rains were heavier than the forecasters now expect for the season.',
  'Households are not yet affected, but the board urged residents to water gardens only in the evening and to report leaking pipes without delay.',
  'The last comparable drought, in the summer of the flood year, led to a ban on filling swimming pools that lasted until the autumn storms arrived.',
  'Engineers are also testing an old pumping station on the river, which could move water between two reservoirs if the shortage grows worse.',
  'The board will meet again at the end of April to decide whether the limits on irrigation should be tightened further for the summer months.',
]
const OTHER = [
  'A new cycle bridge over the canal opened on Saturday, linking the station quarter with the university campus for the first time in decades.',
  'The city spent four million on the bridge, which carries a cycle lane and a footpath and lifts in the middle to let barges pass underneath.',
  'Cyclists had waited nine years for the crossing since the old ferry stopped running when its operator retired and nobody took over the route.',
]

function doc(id: string, text: string): InputDocument {
  return { kind: 'document', id, text, source: 'test' }
}
async function* records(...items: InputRecord[]): AsyncGenerator<InputRecord> {
  yield* items
}

describe('dedupCorpus', () => {
  it('accounts for every record: documents written plus rejects equals records read', async () => {
    const input: InputRecord[] = [
      doc('a', PARAGRAPHS.join('\n')),
      {
        kind: 'reject',
        source: 'x.jsonl',
        line: 2,
        code: 'malformed_json',
        reason: 'malformed JSON',
      },
      doc('b', OTHER.join('\n')),
      doc('a', 'a second document with the same id'),
      doc('c', ''),
    ]
    const run = await dedupCorpus(records(...input))
    expect(run.records.length + run.rejects.length).toBe(input.length)
    expect(run.records.map((r) => r.id)).toEqual(['a', 'b', 'c'])
    expect(run.rejects.map((r) => r.code)).toEqual(['malformed_json', 'duplicate_id'])
    expect(run.stats).toMatchObject({ documents: 3, rejected: 2 })
  })

  it('joins an exact copy, an edited copy and a truncated copy, and keeps the fullest as canonical', async () => {
    const full = PARAGRAPHS.join('\n')
    const edited = PARAGRAPHS.map((p, i) =>
      i === 2 ? p.replace('Board chair Lena Osei', 'Osei') : p,
    ).join('\n')
    const truncated = PARAGRAPHS.slice(0, 3).join('\n')
    const run = await dedupCorpus(
      records(
        doc('short', truncated),
        doc('full', full),
        doc('copy', full),
        doc('edit', edited),
        doc('other', OTHER.join('\n')),
      ),
      { clean: false },
    )
    const byId = Object.fromEntries(run.records.map((r) => [r.id, r]))
    for (const id of ['short', 'full', 'copy', 'edit']) expect(byId[id]?.cluster).toBe('full')
    expect(byId['full']).toMatchObject({
      canonical: true,
      duplicate_of: null,
      reason: null,
      similarity: 1,
    })
    expect(byId['copy']).toMatchObject({ reason: 'exact', similarity: 1 })
    expect(byId['edit']?.reason).toBe('near')
    expect(byId['short']?.reason).toBe('contained')
    expect(byId['other']).toMatchObject({ cluster: 'other', canonical: true })
    expect(run.stats).toMatchObject({
      documents: 5,
      clusters: 2,
      duplicates: 3,
      exact_duplicates: 1,
      near_duplicates: 2,
    })
  })

  it('keeps different articles apart', async () => {
    const run = await dedupCorpus(
      records(doc('water', PARAGRAPHS.join('\n')), doc('bridge', OTHER.join('\n'))),
    )
    expect(run.stats.clusters).toBe(2)
  })

  it('does not cluster empty documents with each other', async () => {
    const run = await dedupCorpus(records(doc('e1', ' '), doc('e2', '')))
    expect(run.stats.clusters).toBe(2)
  })

  it('passes rejects to the hook, which may stop the run', async () => {
    const reject: InputRecord = {
      kind: 'reject',
      source: 'x',
      code: 'binary_file',
      reason: 'binary',
    }
    await expect(
      dedupCorpus(
        records(reject),
        {},
        {
          onReject: () => {
            throw new Error('stop')
          },
        },
      ),
    ).rejects.toThrow('stop')
  })

  it('stops when aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(
      dedupCorpus(records(doc('a', 'x')), {}, { signal: controller.signal }),
    ).rejects.toThrow()
  })
})

describe('dedupCorpus explanations', () => {
  it('says which document a copy was matched with and what cleaning removed', async () => {
    const page = (furniture: string) =>
      [furniture, 'Water board cuts irrigation', ...PARAGRAPHS].join('\n')
    const run = await dedupCorpus(
      records(doc('first', page('Skip to content')), doc('second', page('Open menu'))),
      {
        explain: true,
        removed: true,
      },
    )
    const [first, second] = run.records
    expect(first?.explain).toMatchObject({
      matched_with: null,
      jaccard: 1,
      threshold: 0.5,
      containment_threshold: 0.85,
    })
    expect(second?.explain?.matched_with).toBe('first')
    expect(second?.removed).toEqual([{ line: 0, text: 'Open menu', rule: 'before_article' }])
  })

  it('leaves both out unless asked', async () => {
    const run = await dedupCorpus(records(doc('a', PARAGRAPHS.join('\n'))))
    expect(run.records[0]).not.toHaveProperty('explain')
    expect(run.records[0]).not.toHaveProperty('removed')
  })
})

describe('dedupCorpus with SimHash', () => {
  it('joins a copy with one word changed and keeps another article apart', async () => {
    const text = PARAGRAPHS.join('\n')
    const run = await dedupCorpus(
      records(
        doc('a', text),
        doc('b', text.replace('eleven years', 'twelve years')),
        doc('c', OTHER.join('\n')),
      ),
      { method: 'simhash', maxDistance: 7, clean: false },
    )
    expect(run.records.map((r) => [r.id, r.cluster, r.reason])).toEqual([
      ['a', 'a', null],
      ['b', 'a', 'near'],
      ['c', 'c', null],
    ])
    expect(run.records[1]?.similarity).toBeGreaterThan(0.85)
  })
})
