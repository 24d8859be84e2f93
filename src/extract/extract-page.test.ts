import { describe, expect, it } from 'vitest'
import type { InputDocument, InputRecord } from '../types.js'
import { extractDocuments, extractPage } from './extract-page.js'

const body = Array.from(
  { length: 4 },
  (_, i) =>
    `<p>Paragraph ${i}, long enough to count as prose in an article, with a comma or two.</p>`,
).join('')
const html = `<html><head><title>A headline of several words</title></head><body><article>${body}</article></body></html>`
const doc = (fields: Partial<InputDocument>): InputDocument => ({
  kind: 'document',
  id: 'a',
  text: '',
  source: 'a.html',
  ...fields,
})

describe('extractPage', () => {
  it('puts the title above the article text and drops the HTML', () => {
    const page = extractPage(doc({ html, flags: ['invalid_utf8'] }))
    if ('kind' in page) throw new Error(page.reason)
    expect(page.document).not.toHaveProperty('html')
    expect(page.document.text.split('\n')).toHaveLength(5)
    expect(page.document.text.split('\n')[0]).toBe('A headline of several words')
    expect(page.document.flags).toEqual(['invalid_utf8'])
    expect(page.article?.title).toBe('A headline of several words')
  })

  it('flags a page with no text as empty, and passes text documents through', () => {
    const empty = extractPage(doc({ html: '<html><body></body></html>' }))
    expect(empty).toMatchObject({ document: { text: '', flags: ['empty'] } })
    const text = doc({ text: 'plain' })
    expect(extractPage(text)).toEqual({ document: text, article: null })
  })
})

describe('extractDocuments', () => {
  it('keeps input order and turns refused pages into rejects', async () => {
    async function* input(): AsyncGenerator<InputRecord> {
      yield doc({ id: 'deep', html: '<div>'.repeat(6000) })
      yield { kind: 'reject', source: 'x', code: 'malformed_json', reason: 'bad' }
      yield doc({ id: 'ok', html })
    }
    const out: InputRecord[] = []
    for await (const record of extractDocuments(input())) out.push(record)
    expect(out.map((r) => (r.kind === 'reject' ? r.code : r.id))).toEqual([
      'page_too_deep',
      'malformed_json',
      'ok',
    ])
  })
})
