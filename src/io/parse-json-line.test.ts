// Tests for turning one JSON line into a document or a reject.
import { describe, expect, it } from 'vitest'
import { parseJsonLine } from './parse-json-line.js'
import { DEFAULT_READ_OPTIONS } from './read-options.js'

const origin = { source: 'crawl/pages.jsonl', name: 'pages.jsonl', line: 4 }
const parse = (text: string, options = DEFAULT_READ_OPTIONS) =>
  parseJsonLine(text, origin, false, options)

describe('parseJsonLine', () => {
  it('reads id, text, url, site and fetched_at', () => {
    const line = JSON.stringify({
      id: 'a',
      text: 'body',
      url: 'https://www.example.com/a',
      site: 'Example',
      fetched_at: '2024-01-01T00:00:00Z',
    })
    expect(parse(line)).toEqual({
      kind: 'document',
      id: 'a',
      text: 'body',
      url: 'https://www.example.com/a',
      site: 'Example',
      fetchedAt: '2024-01-01T00:00:00Z',
      source: 'crawl/pages.jsonl',
      line: 4,
    })
  })

  it('takes the site from the URL host when the record names none', () => {
    const line = JSON.stringify({ id: 'a', text: 'x', url: 'https://WWW.News.example/p' })
    expect(parse(line)).toMatchObject({ site: 'news.example' })
    expect(parse(JSON.stringify({ id: 'a', text: 'x', url: 'nope' }))).not.toHaveProperty('site')
  })

  it('turns a numeric id into a string and falls back to name:line', () => {
    expect(parse('{"id": 7, "text": "x"}')).toMatchObject({ id: '7' })
    expect(parse('{"text": "x"}')).toMatchObject({ id: 'pages.jsonl:4' })
    expect(parse('{"id": "", "text": "x"}')).toMatchObject({ id: 'pages.jsonl:4' })
    expect(parse('{"id": {"a": 1}, "text": "x"}')).toMatchObject({ id: 'pages.jsonl:4' })
  })

  it('ignores a url or fetched_at that is not a string', () => {
    const doc = parse('{"id": "a", "text": "x", "url": 5, "fetched_at": 1700000000}')
    expect(doc).not.toHaveProperty('url')
    expect(doc).not.toHaveProperty('fetchedAt')
  })

  it('uses custom field names', () => {
    const options = { idField: 'key', textField: 'body', urlField: 'link' }
    const line = '{"key": "k", "body": "b", "link": "https://example.net/", "text": "other"}'
    expect(parse(line, options)).toMatchObject({ id: 'k', text: 'b', url: 'https://example.net/' })
  })

  it('rejects malformed JSON with the parser message and the line', () => {
    const reject = parse('{"id": "b", "text": ')
    expect(reject).toMatchObject({
      kind: 'reject',
      code: 'malformed_json',
      source: 'crawl/pages.jsonl',
      line: 4,
    })
    expect(reject.kind === 'reject' && reject.reason).toMatch(/^malformed JSON: \S/)
  })

  it('rejects values that are not objects', () => {
    for (const [line, kind] of [
      ['[1, 2]', 'an array'],
      ['"text"', 'a string'],
      ['3', 'a number'],
      ['null', 'null'],
    ])
      expect(parse(line as string)).toMatchObject({
        code: 'not_an_object',
        reason: `expected a JSON object, got ${kind}`,
      })
  })

  it('rejects a record whose text is missing or not a string', () => {
    expect(parse('{"id": "a"}')).toMatchObject({
      code: 'missing_text',
      reason: 'field "text" is missing',
    })
    expect(parse('{"id": "a", "text": 5}')).toMatchObject({
      code: 'missing_text',
      reason: 'field "text" is not a string',
    })
  })

  it('flags empty text and invalid UTF-8 but keeps the document', () => {
    expect(parse('{"id": "a", "text": " \\n\\t"}')).toMatchObject({ flags: ['empty'] })
    expect(parseJsonLine('{"text": "a\uFFFD"}', origin, true, DEFAULT_READ_OPTIONS)).toMatchObject({
      kind: 'document',
      flags: ['invalid_utf8'],
    })
  })
})
