import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { htmlRecord, httpResponse, warcFile, warcRecord } from '../../test/warc-builder.js'
import type { InputRecord, Skip } from '../types.js'
import { readWarc } from './read-warc.js'

async function read(
  bytes: Buffer,
  maxPageBytes?: number,
): Promise<{ records: InputRecord[]; skips: Skip[] }> {
  const skips: Skip[] = []
  const records: InputRecord[] = []
  // Small chunks, so that records straddle chunk boundaries as they do when streaming a file.
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += 100) yield bytes.subarray(i, i + 100)
  }
  const options = {
    onSkip: (skip: Skip) => skips.push(skip),
    ...(maxPageBytes === undefined ? {} : { maxPageBytes }),
  }
  for await (const record of readWarc(chunks(), 'crawl.warc', options)) records.push(record)
  return { records, skips }
}

const page = (words: string) => `<html><body><p>${words}</p></body></html>`
const info = warcRecord({
  type: 'warcinfo',
  contentType: 'application/warc-fields',
  block: 'software: test\r\n',
})
const request = warcRecord({
  type: 'request',
  uri: 'https://a.example/1',
  block: 'GET /1 HTTP/1.1\r\n\r\n',
})

describe('readWarc', () => {
  for (const gzip of [false, true]) {
    it(`reads HTML responses and skips other records (${gzip ? 'per-record gzip' : 'plain'})`, async () => {
      const image = warcRecord({
        type: 'response',
        uri: 'https://a.example/x.png',
        block: httpResponse(Buffer.from([0x89, 0x50, 0x4e, 0x47]), { 'Content-Type': 'image/png' }),
      })
      const file = warcFile(
        [
          info,
          request,
          htmlRecord('https://a.example/1', page('one')),
          image,
          htmlRecord('https://www.b.example/2', page('two')),
        ],
        gzip,
      )
      const { records, skips } = await read(file)
      expect(records).toEqual([
        {
          kind: 'document',
          id: '<urn:uuid:https://a.example/1>',
          url: 'https://a.example/1',
          site: 'a.example',
          fetchedAt: '2024-03-02T09:30:00Z',
          source: 'crawl.warc',
          text: '',
          html: page('one'),
        },
        expect.objectContaining({ id: '<urn:uuid:https://www.b.example/2>', html: page('two') }),
      ])
      expect(skips.map((skip) => skip.type)).toEqual([
        'warcinfo',
        'request',
        'response (image/png)',
      ])
    })
  }

  it('reads WET conversion records as text documents', async () => {
    const wet = warcRecord({
      type: 'conversion',
      uri: 'https://a.example/1',
      contentType: 'text/plain',
      block: 'Headline\nFirst paragraph.',
    })
    const { records } = await read(warcFile([info, wet], true))
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'document',
        text: 'Headline\nFirst paragraph.',
        url: 'https://a.example/1',
      }),
    ])
    expect(records[0]).not.toHaveProperty('html')
  })

  it('takes the charset from the HTTP header, then the meta tag, then detection', async () => {
    const latin1 = Buffer.from('<p>caf\xe9</p>', 'latin1')
    const sjis = Buffer.concat([
      Buffer.from('<meta charset="shift_jis"><p>'),
      Buffer.from([0x82, 0xa0]),
      Buffer.from('</p>'),
    ])
    const record = (body: Buffer, type: string) =>
      warcRecord({
        type: 'response',
        uri: 'https://a.example/',
        block: httpResponse(body, { 'Content-Type': type }),
      })
    const { records } = await read(
      warcFile([
        record(latin1, 'text/html; charset=iso-8859-1'),
        record(sjis, 'text/html'),
        record(latin1, 'text/html'),
      ]),
    )
    expect(records.map((r) => (r.kind === 'document' ? r.html : r.code))).toEqual([
      '<p>café</p>',
      '<meta charset="shift_jis"><p>あ</p>',
      '<p>café</p>',
    ])
  })

  it('undoes chunked transfer coding and gzip content coding', async () => {
    const zipped = gzipSync(page('zipped'))
    const chunked = Buffer.concat([
      Buffer.from(`${zipped.length.toString(16)}\r\n`),
      zipped,
      Buffer.from('\r\n0\r\n\r\n'),
    ])
    const block = httpResponse(chunked, {
      'Content-Type': 'text/html',
      'Content-Encoding': 'gzip',
      'Transfer-Encoding': 'chunked',
    })
    const { records } = await read(
      warcFile([warcRecord({ type: 'response', uri: 'https://a.example/', block })]),
    )
    expect(records).toEqual([expect.objectContaining({ html: page('zipped') })])
  })

  it('reports a truncated gzip file after the records it held', async () => {
    const file = warcFile(
      [
        htmlRecord('https://a.example/1', page('one')),
        htmlRecord('https://a.example/2', page('two')),
      ],
      true,
    )
    const { records } = await read(file.subarray(0, file.length - 30))
    expect(records.map((r) => r.kind)).toEqual(['document', 'reject'])
    expect(records[1]).toMatchObject({ code: 'corrupt_gzip', source: 'crawl.warc' })
  })

  it('reports a record whose declared length is too short, and reads the next one', async () => {
    const short = warcRecord({
      type: 'response',
      id: '<urn:uuid:short>',
      uri: 'https://a.example/1',
      block: httpResponse(page('one')),
      declaredLength: 60,
    })
    const { records } = await read(
      warcFile([short, htmlRecord('https://a.example/2', page('two'))]),
    )
    expect(records.filter((r) => r.kind === 'reject')).toEqual([
      expect.objectContaining({ code: 'malformed_warc', id: '<urn:uuid:short>' }),
    ])
    expect(records.at(-1)).toMatchObject({ kind: 'document', html: page('two') })
  })

  it('reports a record longer than the file as truncated', async () => {
    const long = warcRecord({
      type: 'response',
      id: '<urn:uuid:long>',
      uri: 'https://a.example/1',
      block: httpResponse(page('one')),
      declaredLength: 5000,
    })
    const { records } = await read(long)
    expect(records).toEqual([
      expect.objectContaining({ code: 'truncated_record', id: '<urn:uuid:long>' }),
    ])
    expect((records[0] as { reason: string }).reason).toMatch(
      /offset 0, record <urn:uuid:long>: ends after \d+ of 5000 bytes/,
    )
  })

  it('reports responses without HTTP headers, binary pages and unknown charsets, and goes on', async () => {
    const bare = warcRecord({
      type: 'response',
      id: '<urn:uuid:bare>',
      uri: 'https://a.example/1',
      block: page('bare'),
    })
    const pdf = warcRecord({
      type: 'response',
      id: '<urn:uuid:pdf>',
      uri: 'https://a.example/2',
      block: httpResponse('%PDF-1.7 binary'),
    })
    const odd = warcRecord({
      type: 'response',
      id: '<urn:uuid:odd>',
      uri: 'https://a.example/3',
      block: httpResponse(Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe]), {
        'Content-Type': 'text/html; charset=x-unknown',
      }),
    })
    const { records } = await read(
      warcFile([bare, pdf, odd, htmlRecord('https://a.example/4', page('fine'))], true),
    )
    expect(records.map((r) => (r.kind === 'reject' ? `${r.code} ${r.id}` : r.kind))).toEqual([
      'missing_http_headers <urn:uuid:bare>',
      'not_html <urn:uuid:pdf>',
      'undecodable_charset <urn:uuid:odd>',
      'document',
    ])
  })

  it('refuses records over the size limit without reading them', async () => {
    const { records } = await read(
      warcFile([
        htmlRecord('https://a.example/1', page('x'.repeat(5000))),
        htmlRecord('https://a.example/2', page('ok')),
      ]),
      1000,
    )
    expect(records.map((r) => (r.kind === 'reject' ? r.code : r.kind))).toEqual([
      'page_too_large',
      'document',
    ])
  })

  it('reports a file that is not WARC at all', async () => {
    const { records } = await read(Buffer.from('just some text\r\nand more\r\n\r\n'))
    expect(records).toEqual([expect.objectContaining({ code: 'malformed_warc' })])
  })
})
