// Tests for the input entry point: folders, text files, JSON Lines files, stdin and bad paths.
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InputError } from '../errors.js'
import { htmlRecord, warcFile } from '../../test/warc-builder.js'
import type { InputDocument, InputRecord, Reject, Skip } from '../types.js'
import { DEFAULT_READ_OPTIONS, readInputs, type ReadOptions } from './read-inputs.js'

// chmod does not stop root from reading, so permission cases need another way in.
const isRoot = process.getuid?.() === 0

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winnow-io-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function readAll(paths: string[], options = DEFAULT_READ_OPTIONS): Promise<InputRecord[]> {
  const records: InputRecord[] = []
  for await (const record of readInputs(paths, options)) records.push(record)
  return records
}
const documents = (records: InputRecord[]) =>
  records.filter((r): r is InputDocument => r.kind === 'document')
const rejects = (records: InputRecord[]) => records.filter((r): r is Reject => r.kind === 'reject')

async function* chunks(...texts: string[]): AsyncGenerator<Uint8Array> {
  for (const text of texts) yield new TextEncoder().encode(text)
}

describe('readInputs: folders', () => {
  it('walks folders recursively in name order, with relative POSIX ids', async () => {
    await mkdir(join(dir, 'a', 'deep'), { recursive: true })
    await writeFile(join(dir, 'a', 'deep', 'z.txt'), 'zed')
    await writeFile(join(dir, 'a', 'b.md'), 'bee')
    await writeFile(join(dir, 'a.txt'), 'ay')
    await writeFile(join(dir, 'B.txt'), 'capital bee')
    await writeFile(join(dir, 'c.txt'), 'see')
    const records = await readAll([dir])
    expect(documents(records).map((d) => [d.id, d.text, d.source])).toEqual([
      ['B.txt', 'capital bee', join(dir, 'B.txt')],
      ['a/b.md', 'bee', join(dir, 'a', 'b.md')],
      ['a/deep/z.txt', 'zed', join(dir, 'a', 'deep', 'z.txt')],
      ['a.txt', 'ay', join(dir, 'a.txt')],
      ['c.txt', 'see', join(dir, 'c.txt')],
    ])
    expect(documents(records).every((d) => d.site === undefined && d.line === undefined)).toBe(true)
  })

  it('reads JSON Lines files in a folder, with fallback ids relative to the folder', async () => {
    await mkdir(join(dir, 'crawl'))
    await writeFile(join(dir, 'crawl', 'p.jsonl'), '{"text":"one"}\n{"id":"x","text":"two"}\n')
    await writeFile(join(dir, 'crawl', 'q.ndjson.gz'), gzipSync('{"id":"y","text":"three"}\n'))
    const docs = documents(await readAll([dir]))
    expect(docs.map((d) => [d.id, d.line, d.source])).toEqual([
      ['crawl/p.jsonl:1', 1, join(dir, 'crawl', 'p.jsonl')],
      ['x', 2, join(dir, 'crawl', 'p.jsonl')],
      ['y', 1, join(dir, 'crawl', 'q.ndjson.gz')],
    ])
  })

  it('skips and counts other files in a folder, and goes on', async () => {
    await writeFile(join(dir, 'a.txt'), 'text')
    await writeFile(join(dir, 'truth.json'), '{}')
    await writeFile(join(dir, 'z.md'), 'more')
    const skips: Skip[] = []
    const records = await readAll([dir], {
      ...DEFAULT_READ_OPTIONS,
      onSkip: (skip) => skips.push(skip),
    })
    expect(records.map((r) => r.kind)).toEqual(['document', 'document'])
    expect(skips).toEqual([{ source: join(dir, 'truth.json'), type: 'unsupported file' }])
  })

  it('reads .html and .htm files as pages to extract, and WARC files by record', async () => {
    await writeFile(join(dir, 'a.html'), '<p>caf\xe9</p>', 'latin1')
    await writeFile(join(dir, 'b.htm'), '<meta charset="utf-8"><p>café</p>')
    await writeFile(join(dir, 'c.html'), '%PDF-1.4 not a page')
    await writeFile(
      join(dir, 'd.warc.gz'),
      warcFile([htmlRecord('https://a.example/', '<p>w</p>', '<urn:uuid:1>')], true),
    )
    await writeFile(join(dir, 'e.html'), '<p>too long</p>'.repeat(100))
    const records = await readAll([dir], { ...DEFAULT_READ_OPTIONS, maxPageBytes: 1000 })
    expect(
      records.map((r) => (r.kind === 'document' ? [r.id, r.text, r.html] : [r.id, r.code])),
    ).toEqual([
      ['a.html', '', '<p>café</p>'],
      ['b.htm', '', '<meta charset="utf-8"><p>café</p>'],
      ['c.html', 'not_html'],
      ['<urn:uuid:1>', '', '<p>w</p>'],
      ['e.html', 'page_too_large'],
    ])
  })

  it('reads an HTML field from JSON Lines with --html-field, falling back to the text field', async () => {
    await writeFile(
      join(dir, 'p.jsonl'),
      '{"id":"h","html":"<p>x</p>"}\n{"id":"t","text":"plain"}\n{"id":"n"}\n',
    )
    const records = await readAll([join(dir, 'p.jsonl')], {
      ...DEFAULT_READ_OPTIONS,
      htmlField: 'html',
    })
    expect(
      records.map((r) => (r.kind === 'document' ? [r.id, r.text, r.html] : [r.code, r.reason])),
    ).toEqual([
      ['h', '', '<p>x</p>'],
      ['t', 'plain', undefined],
      ['missing_text', 'field "text" is missing and field "html" is not a string'],
    ])
  })

  it('rejects an unreadable file inside a folder and goes on', async () => {
    // A dangling symbolic link cannot be read even by root; chmod works for everyone else.
    await symlink(join(dir, 'missing-target.txt'), join(dir, 'a-dangling.txt'))
    if (!isRoot) {
      await writeFile(join(dir, 'a-locked.jsonl'), '{"id":"no","text":"no"}\n')
      await chmod(join(dir, 'a-locked.jsonl'), 0o000)
    }
    await writeFile(join(dir, 'b.txt'), 'fine')
    const records = await readAll([dir])
    expect(rejects(records).map((r) => [r.code, r.source])).toEqual([
      ['unreadable_path', join(dir, 'a-dangling.txt')],
      ...(isRoot ? [] : [['unreadable_path', join(dir, 'a-locked.jsonl')]]),
    ])
    expect(rejects(records)[0]?.reason).toMatch(/^cannot read: E[A-Z]+/)
    expect(documents(records).map((d) => d.id)).toEqual(['b.txt'])
  })
})

describe('readInputs: text files', () => {
  it('uses the base name as id for a file given directly, whatever its extension', async () => {
    await mkdir(join(dir, 'sub'))
    await writeFile(join(dir, 'sub', 'page.txt'), 'text')
    await writeFile(join(dir, 'notes.log'), 'a log')
    const docs = documents(await readAll([join(dir, 'sub', 'page.txt'), join(dir, 'notes.log')]))
    expect(docs.map((d) => [d.id, d.text])).toEqual([
      ['page.txt', 'text'],
      ['notes.log', 'a log'],
    ])
  })

  it('rejects a binary file with its path and the NUL offset', async () => {
    await writeFile(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x00, 0x01]))
    const records = await readAll([dir])
    expect(records).toEqual([
      {
        kind: 'reject',
        source: join(dir, 'image.txt'),
        id: 'image.txt',
        code: 'binary_file',
        reason: 'binary file (NUL byte at offset 2)',
      },
    ])
  })

  it('decodes invalid UTF-8 with replacement and flags it', async () => {
    await writeFile(join(dir, 'bad.txt'), Buffer.from([0x61, 0xff, 0x62]))
    const [doc] = documents(await readAll([dir]))
    expect(doc?.text).toBe('a\uFFFDb')
    expect(doc?.flags).toEqual(['invalid_utf8'])
  })

  it('strips a byte-order mark', async () => {
    await writeFile(join(dir, 'bom.txt'), Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]))
    const [doc] = documents(await readAll([dir]))
    expect(doc?.text).toBe('hi')
    expect(doc).not.toHaveProperty('flags')
  })

  it('keeps empty and whitespace-only documents, flagged', async () => {
    await writeFile(join(dir, 'empty.txt'), '')
    await writeFile(join(dir, 'space.txt'), ' \n\t\n')
    const docs = documents(await readAll([dir]))
    expect(docs.map((d) => [d.id, d.flags])).toEqual([
      ['empty.txt', ['empty']],
      ['space.txt', ['empty']],
    ])
  })
})

describe('readInputs: JSON Lines files and stdin', () => {
  it('reads custom field names from gzip JSON Lines given directly', async () => {
    const body = [
      JSON.stringify({ key: 'k1', body: 'one', link: 'https://www.example.com/1' }),
      JSON.stringify({ body: 'two' }),
    ]
    await writeFile(join(dir, 'p.ndjson.gz'), gzipSync(body.join('\r\n') + '\r\n'))
    const options = { ...DEFAULT_READ_OPTIONS, idField: 'key', textField: 'body', urlField: 'link' }
    const docs = documents(await readAll([join(dir, 'p.ndjson.gz')], options))
    expect(docs.map((d) => [d.id, d.text, d.url, d.site])).toEqual([
      ['k1', 'one', 'https://www.example.com/1', 'example.com'],
      ['p.ndjson.gz:2', 'two', undefined, undefined],
    ])
  })

  it('yields a truncated gzip file’s documents, then a corrupt_gzip reject', async () => {
    const body = Array.from({ length: 500 }, (_, i) =>
      JSON.stringify({ id: `d${i}`, text: `document number ${i} `.repeat(40) }),
    )
    const zipped = gzipSync(body.join('\n'))
    await writeFile(join(dir, 'cut.jsonl.gz'), zipped.subarray(0, Math.floor(zipped.length / 2)))
    await writeFile(join(dir, 'next.txt'), 'after')
    const records = await readAll([dir])
    const cut = records.findIndex((r) => r.kind === 'reject')
    expect(cut).toBeGreaterThan(0)
    expect(records[cut]).toMatchObject({ code: 'corrupt_gzip', line: cut + 1 })
    expect(records.slice(cut + 1).map((r) => r.kind === 'document' && r.id)).toEqual(['next.txt'])
  })

  it('reads JSON Lines from stdin for "-", from any async iterable', async () => {
    const stdin = chunks('{"id":"s1","text":"from stdin"}\n{"id":', '"s2","text":"b"}\n{"id":"s3",')
    const records = await readAll(['-'], { ...DEFAULT_READ_OPTIONS, stdin })
    expect(records.map((r) => [r.kind, r.source, r.line])).toEqual([
      ['document', '-', 1],
      ['document', '-', 2],
      ['reject', '-', 3],
    ])
    expect(rejects(records)[0]?.code).toBe('malformed_json')
  })

  it('names stdin "-" in fallback ids', async () => {
    const stdin = chunks('{"text":"x"}')
    expect(documents(await readAll(['-'], { ...DEFAULT_READ_OPTIONS, stdin }))[0]?.id).toBe('-:1')
  })

  it('throws when "-" is given without a stdin', async () => {
    await expect(readAll(['-'])).rejects.toMatchObject({ code: 'unreadable_path', source: '-' })
  })
})

describe('readInputs: unreadable paths', () => {
  it('throws an unreadable_path InputError for a missing path', async () => {
    const missing = join(dir, 'nope')
    const read = readAll([missing])
    await expect(read).rejects.toBeInstanceOf(InputError)
    await expect(readAll([missing])).rejects.toMatchObject({
      code: 'unreadable_path',
      source: missing,
      line: undefined,
    })
    await expect(readAll([missing])).rejects.toThrow(`${missing}: cannot read: ENOENT`)
  })

  it('yields earlier paths, then throws before anything of the bad one', async () => {
    await writeFile(join(dir, 'a.txt'), 'first')
    const seen: string[] = []
    const read = async () => {
      for await (const record of readInputs(
        [join(dir, 'a.txt'), join(dir, 'b.txt')],
        DEFAULT_READ_OPTIONS,
      ))
        seen.push(record.kind === 'document' ? record.id : record.code)
    }
    await expect(read()).rejects.toMatchObject({ code: 'unreadable_path' })
    expect(seen).toEqual(['a.txt'])
  })

  it.skipIf(isRoot)('throws for a file or folder given directly without permission', async () => {
    await writeFile(join(dir, 'locked.txt'), 'secret')
    await chmod(join(dir, 'locked.txt'), 0o000)
    await mkdir(join(dir, 'locked'))
    await chmod(join(dir, 'locked'), 0o000)
    try {
      for (const path of [join(dir, 'locked.txt'), join(dir, 'locked')])
        await expect(readAll([path])).rejects.toThrow(`${path}: cannot read: EACCES`)
    } finally {
      await chmod(join(dir, 'locked'), 0o700)
    }
  })
})

describe('readInputs: accounting', () => {
  it('accounts for every non-blank line and every file as a document or a reject', async () => {
    const lines = [
      '{"id":"a","text":"first"}',
      '{"id": "b", "text": ',
      '',
      '[1, 2]',
      '{"id":"c"}',
      '{"text":"no id"}',
      '{"id":7,"text":"   "}',
    ]
    await mkdir(join(dir, 'folder'))
    await writeFile(join(dir, 'folder', 'pages.jsonl'), lines.join('\n'))
    await writeFile(join(dir, 'folder', 'one.txt'), 'one')
    await writeFile(join(dir, 'folder', 'bin.md'), Buffer.from([0]))
    await writeFile(join(dir, 'folder', 'skip.pdf'), '%PDF')
    await writeFile(join(dir, 'more.jsonl.gz'), gzipSync('{"id":"g","text":"gz"}\n\n{bad}\n'))
    const stdin = chunks('{"id":"s","text":"x"}\nnull\n')
    const options: ReadOptions = { ...DEFAULT_READ_OPTIONS, stdin }
    const records = await readAll([join(dir, 'folder'), join(dir, 'more.jsonl.gz'), '-'], options)
    const jsonlLines = lines.filter((l) => l.trim() !== '').length + 2 + 2
    const files = 2
    expect(records).toHaveLength(jsonlLines + files)
    expect(documents(records).map((d) => d.id)).toEqual([
      'one.txt',
      'a',
      'pages.jsonl:6',
      '7',
      'g',
      's',
    ])
    expect(rejects(records).map((r) => r.code)).toEqual([
      'binary_file',
      'malformed_json',
      'not_an_object',
      'missing_text',
      'malformed_json',
      'not_an_object',
    ])
  })
})
