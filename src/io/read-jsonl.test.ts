// Tests for reading JSON Lines streams, plain and gzip, including truncated gzip.
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import type { InputRecord } from '../types.js'
import { readJsonl, type JsonlInput } from './read-jsonl.js'
import { DEFAULT_READ_OPTIONS } from './read-options.js'

async function* from(chunks: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* chunks
}

async function readAll(
  chunks: (string | Uint8Array)[],
  input: JsonlInput = { source: 'in.jsonl' },
): Promise<InputRecord[]> {
  const records: InputRecord[] = []
  for await (const record of readJsonl(from(chunks), input, DEFAULT_READ_OPTIONS))
    records.push(record)
  return records
}

const line = (id: number) => JSON.stringify({ id: `d${id}`, text: `document ${id} `.repeat(30) })

describe('readJsonl', () => {
  it('yields one record per non-blank line, in order, with line numbers', async () => {
    const records = await readAll(['{"id":"a","text":"x"}\n\n  \n{"id":"b",', '"text":"y"}\n'])
    expect(records.map((r) => [r.kind, r.line])).toEqual([
      ['document', 1],
      ['document', 4],
    ])
  })

  it('keeps reading after a malformed line', async () => {
    const records = await readAll(['{"id":"a","text":"x"}\n{oops\n{"id":"c","text":"z"}\n'])
    expect(records.map((r) => [r.kind, r.line, r.kind === 'reject' ? r.code : r.id])).toEqual([
      ['document', 1, 'a'],
      ['reject', 2, 'malformed_json'],
      ['document', 3, 'c'],
    ])
  })

  it('uses the name, not the full source, for fallback ids', async () => {
    const [doc] = await readAll(['{"text":"x"}'], {
      source: '/data/crawl/a.jsonl',
      name: 'a.jsonl',
    })
    expect(doc).toMatchObject({ id: 'a.jsonl:1', source: '/data/crawl/a.jsonl' })
  })

  it('flags invalid UTF-8 inside a line and strips a BOM', async () => {
    const bad = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"id":"x","text":"a'),
      Buffer.from([0xc3]),
      Buffer.from('"}\n{"id":"y","text":"fine"}'),
    ])
    const records = await readAll([bad])
    expect(records).toMatchObject([
      { id: 'x', text: 'a\uFFFD', flags: ['invalid_utf8'] },
      { id: 'y', text: 'fine' },
    ])
    expect(records[1]).not.toHaveProperty('flags')
  })

  it('reads a Node stream such as standard input', async () => {
    const stdin = Readable.from([Buffer.from('{"id":"s1","text":"a"}\n{"id":"s2","text":"b"}')])
    const ids: string[] = []
    for await (const record of readJsonl(stdin, { source: '-' }, DEFAULT_READ_OPTIONS))
      if (record.kind === 'document') ids.push(record.id)
    expect(ids).toEqual(['s1', 's2'])
  })

  it('reads gzip in small chunks', async () => {
    const zipped = gzipSync([1, 2, 3].map(line).join('\n'))
    const chunks = Array.from({ length: Math.ceil(zipped.length / 7) }, (_, i) =>
      zipped.subarray(i * 7, i * 7 + 7),
    )
    const records = await readAll(chunks, { source: 'a.jsonl.gz', gzip: true })
    expect(records.map((r) => r.kind === 'document' && r.id)).toEqual(['d1', 'd2', 'd3'])
  })

  it('yields what a truncated gzip held, then a corrupt_gzip reject at the line reached', async () => {
    const zipped = gzipSync(Array.from({ length: 2000 }, (_, i) => line(i)).join('\n'))
    const cut = zipped.subarray(0, Math.floor(zipped.length / 2))
    const records = await readAll([cut], { source: 'cut.jsonl.gz', gzip: true })
    const documents = records.filter((r) => r.kind === 'document')
    expect(documents.length).toBeGreaterThan(0)
    expect(documents.length).toBeLessThan(2000)
    expect(records.slice(0, -1).every((r) => r.kind === 'document')).toBe(true)
    expect(records.at(-1)).toMatchObject({
      kind: 'reject',
      source: 'cut.jsonl.gz',
      code: 'corrupt_gzip',
      line: documents.length + 1,
    })
  })

  it('rejects bytes that are not gzip at all as corrupt_gzip at line 1', async () => {
    const records = await readAll(['{"id":"a","text":"x"}\n'], { source: 'a.jsonl.gz', gzip: true })
    expect(records).toMatchObject([{ kind: 'reject', code: 'corrupt_gzip', line: 1 }])
  })

  it('passes a read error on instead of calling it corrupt gzip', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield gzipSync(line(1)).subarray(0, 10)
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })
    }
    const read = async () => {
      for await (const record of readJsonl(
        failing(),
        { source: 'a.gz', gzip: true },
        DEFAULT_READ_OPTIONS,
      ))
        void record
    }
    await expect(read()).rejects.toThrow('EIO')
  })

  it.each([false, true])(
    'stops the source when the consumer stops early (gzip: %s)',
    async (gzip) => {
      let finished = false
      const zipped = gzipSync(Array.from({ length: 5000 }, (_, i) => line(i)).join('\n'))
      async function* source(): AsyncGenerator<Uint8Array> {
        try {
          if (gzip) for (let i = 0; i < zipped.length; i += 1024) yield zipped.subarray(i, i + 1024)
          else for (let i = 0; ; i++) yield Buffer.from(`${line(i)}\n`)
        } finally {
          finished = true
        }
      }
      for await (const record of readJsonl(source(), { source: 'x', gzip }, DEFAULT_READ_OPTIONS)) {
        void record
        break
      }
      await new Promise((resolve) => setImmediate(resolve))
      expect(finished).toBe(true)
    },
  )
})
