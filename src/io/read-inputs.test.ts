import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../errors.js'
import type { InputDocument, InputRecord, Reject } from '../types.js'
import { DEFAULT_READ_OPTIONS, formatOf, readInputs } from './read-inputs.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winnow-io-'))
})

async function readAll(paths: string[], options = DEFAULT_READ_OPTIONS): Promise<InputRecord[]> {
  const records: InputRecord[] = []
  for await (const record of readInputs(paths, options)) records.push(record)
  return records
}
const documents = (records: InputRecord[]) =>
  records.filter((r): r is InputDocument => r.kind === 'document')
const rejects = (records: InputRecord[]) => records.filter((r): r is Reject => r.kind === 'reject')

describe('formatOf', () => {
  it('knows text, JSONL and gzip JSONL names', () => {
    expect(formatOf('a/b.TXT')).toBe('text')
    expect(formatOf('b.md')).toBe('text')
    expect(formatOf('c.ndjson')).toBe('jsonl')
    expect(formatOf('c.jsonl.gz')).toBe('jsonl.gz')
    expect(formatOf('d.pdf')).toBeUndefined()
  })
})

describe('readInputs: folders and text files', () => {
  it('walks folders recursively in name order with relative ids', async () => {
    await mkdir(join(dir, 'b'))
    await writeFile(join(dir, 'b', 'z.txt'), 'zed')
    await writeFile(join(dir, 'a.md'), 'ay')
    await writeFile(join(dir, 'c.txt'), 'see')
    const records = await readAll([dir])
    expect(documents(records).map((d) => [d.id, d.text])).toEqual([
      ['a.md', 'ay'],
      ['b/z.txt', 'zed'],
      ['c.txt', 'see'],
    ])
  })

  it('uses the file name as id for a file given directly', async () => {
    await writeFile(join(dir, 'page.txt'), 'text')
    expect(documents(await readAll([join(dir, 'page.txt')]))[0]?.id).toBe('page.txt')
  })

  it('rejects a binary file in a folder with its path and reason', async () => {
    await writeFile(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]))
    const [reject] = rejects(await readAll([dir]))
    expect(reject).toMatchObject({ code: 'binary_file', source: join(dir, 'image.txt') })
    expect(reject?.reason).toContain('NUL byte at offset 2')
  })

  it('counts other files in a folder as unsupported', async () => {
    await writeFile(join(dir, 'truth.json'), '{}')
    expect(rejects(await readAll([dir]))[0]?.code).toBe('unsupported_file')
  })

  it('decodes invalid UTF-8 with replacement and flags it', async () => {
    await writeFile(join(dir, 'bad.txt'), Buffer.from([0x61, 0xff, 0x62]))
    const [doc] = documents(await readAll([dir]))
    expect(doc?.text).toBe('a\uFFFDb')
    expect(doc?.flags).toEqual(['invalid_utf8'])
  })

  it('strips a byte-order mark', async () => {
    await writeFile(join(dir, 'bom.txt'), Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]))
    expect(documents(await readAll([dir]))[0]?.text).toBe('hi')
  })

  it('keeps empty and whitespace-only documents, flagged', async () => {
    await writeFile(join(dir, 'empty.txt'), '')
    await writeFile(join(dir, 'space.txt'), ' \n\t\n')
    const docs = documents(await readAll([dir]))
    expect(docs.map((d) => d.flags)).toEqual([['empty'], ['empty']])
  })

  it('throws an unreadable_path InputError for a missing path', async () => {
    const missing = join(dir, 'nope')
    await expect(readAll([missing])).rejects.toBeInstanceOf(InputError)
    await expect(readAll([missing])).rejects.toMatchObject({ code: 'unreadable_path' })
    await expect(readAll([missing])).rejects.toThrow(`${missing}: cannot read`)
  })

  it('rejects an unreadable file inside a folder and goes on', async () => {
    await symlink(join(dir, 'missing-target.txt'), join(dir, 'a-dangling.txt'))
    await writeFile(join(dir, 'b.txt'), 'fine')
    const records = await readAll([dir])
    expect(rejects(records)[0]).toMatchObject({ code: 'unreadable_path' })
    expect(documents(records).map((d) => d.id)).toEqual(['b.txt'])
  })
})

describe('readInputs: JSON Lines', () => {
  const lines = [
    JSON.stringify({ id: 'a', text: 'first', url: 'https://www.example.com/a' }),
    '{"id": "b", "text": ',
    '',
    '[1, 2]',
    JSON.stringify({ id: 'c' }),
    JSON.stringify({ text: 'no id' }),
    JSON.stringify({
      id: 7,
      text: 'numeric id',
      site: 'example.org',
      fetched_at: '2024-01-01T00:00:00Z',
    }),
  ].join('\n')

  it('reads documents and rejects bad lines with their line numbers', async () => {
    await writeFile(join(dir, 'pages.jsonl'), lines)
    const records = await readAll([join(dir, 'pages.jsonl')])
    expect(documents(records).map((d) => [d.id, d.line])).toEqual([
      ['a', 1],
      [`${join(dir, 'pages.jsonl')}:6`, 6],
      ['7', 7],
    ])
    expect(rejects(records).map((r) => [r.code, r.line])).toEqual([
      ['malformed_json', 2],
      ['not_an_object', 4],
      ['missing_text', 5],
    ])
    expect(rejects(records)[0]?.reason).toMatch(/^malformed JSON: /)
    expect(documents(records)[0]?.url).toBe('https://www.example.com/a')
    expect(documents(records)[2]).toMatchObject({
      site: 'example.org',
      fetchedAt: '2024-01-01T00:00:00Z',
    })
  })

  it('accounts for every non-blank line', async () => {
    await writeFile(join(dir, 'pages.jsonl'), lines)
    const records = await readAll([join(dir, 'pages.jsonl')])
    expect(records).toHaveLength(lines.split('\n').filter((l) => l.trim() !== '').length)
  })

  it('reads gzip and custom field names', async () => {
    const body = [
      JSON.stringify({ key: 'k1', body: 'one', link: 'u1' }),
      JSON.stringify({ key: 'k2', body: 'two' }),
    ]
    await writeFile(join(dir, 'p.ndjson.gz'), gzipSync(body.join('\r\n') + '\r\n'))
    const options = { ...DEFAULT_READ_OPTIONS, idField: 'key', textField: 'body', urlField: 'link' }
    const docs = documents(await readAll([join(dir, 'p.ndjson.gz')], options))
    expect(docs.map((d) => [d.id, d.text, d.url])).toEqual([
      ['k1', 'one', 'u1'],
      ['k2', 'two', undefined],
    ])
  })

  it('yields what a truncated gzip held, then a corrupt_gzip reject', async () => {
    const body = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ id: `d${i}`, text: `document number ${i} `.repeat(20) }),
    )
    const zipped = gzipSync(body.join('\n'))
    await writeFile(join(dir, 'cut.jsonl.gz'), zipped.subarray(0, Math.floor(zipped.length / 2)))
    const records = await readAll([join(dir, 'cut.jsonl.gz')])
    const last = records.at(-1)
    expect(last).toMatchObject({ kind: 'reject', code: 'corrupt_gzip' })
    expect(documents(records).length).toBeGreaterThan(0)
    expect(documents(records).length).toBeLessThan(2000)
  })

  it('flags invalid UTF-8 inside a line', async () => {
    await writeFile(
      join(dir, 'bad.jsonl'),
      Buffer.concat([Buffer.from('{"id":"x","text":"a'), Buffer.from([0xc3]), Buffer.from('"}\n')]),
    )
    expect(documents(await readAll([join(dir, 'bad.jsonl')]))[0]?.flags).toEqual(['invalid_utf8'])
  })

  it('reads JSONL from standard input for "-"', async () => {
    const stdin = Readable.from([Buffer.from('{"id":"s1","text":"from stdin"}\n{"id":"s2",')])
    const records = await readAll(['-'], { ...DEFAULT_READ_OPTIONS, stdin })
    expect(documents(records).map((d) => [d.id, d.source])).toEqual([['s1', '-']])
    expect(rejects(records)[0]).toMatchObject({ source: '-', line: 2, code: 'malformed_json' })
  })
})
