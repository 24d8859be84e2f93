// `winnow extract` and `winnow dedup` on HTML pages and WARC files, good and bad.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './run-cli.js'
import { htmlRecord, httpResponse, warcFile, warcRecord } from './warc-builder.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winnow-extract-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const paragraphs = [
  'The town council voted on Tuesday to reopen the old harbour, closed since the storm of last winter, after engineers said the sea wall would hold.',
  'Fishing crews, who have landed their catch forty miles up the coast for months, welcomed the decision, though some asked why it took so long.',
  'Repairs cost more than the council had set aside, and the difference will come from the reserve fund, which the treasurer said could bear it.',
  'The first boats are expected back within a fortnight, once the channel has been dredged and the navigation lights tested by the port authority.',
]

// One article in a site's furniture; `variant` changes the furniture, not the article.
function articlePage(variant: string): string {
  return `<!doctype html><html lang="en"><head><title>Harbour to reopen after winter storm | The ${variant} Gazette</title>
<meta name="author" content="Jo Marsh"><meta property="article:published_time" content="2024-03-02T09:30:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/${variant}">${variant}</a></nav>
<div class="sidebar"><h3>Most read in ${variant}</h3><ul><li><a href="/a">A story about ${variant}</a></li><li><a href="/b">Another one</a></li></ul></div>
<article><h1>Harbour to reopen after winter storm</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
<footer>© The ${variant} Gazette, all rights reserved, with an address, a phone number, and more.</footer></body></html>`
}

describe('winnow extract', () => {
  it('writes title, byline, date, language and text for a folder of pages, skipping other files', async () => {
    await writeFile(join(dir, 'a.html'), articlePage('Evening'))
    await writeFile(join(dir, 'a.json'), '{"truth": true}')
    const result = await runCli(['extract', dir])
    expect(result.code).toBe(0)
    expect(jsonLines(result.stdout)).toEqual([
      {
        id: 'a.html',
        url: null,
        title: 'Harbour to reopen after winter storm',
        byline: 'Jo Marsh',
        published: '2024-03-02T09:30:00.000Z',
        lang: 'en',
        text: paragraphs.join('\n'),
      },
    ])
    expect(result.stderr).toMatch(
      /^winnow: 1 documents extracted, 0 rejected, 0 empty, 1 skipped \(1 unsupported file\), [\d.]+ s\n$/,
    )
  })

  it('reads WARC files, writes rejects and stats, and goes on past bad records', async () => {
    const bare = warcRecord({
      type: 'response',
      id: '<urn:uuid:bare>',
      uri: 'https://a.example/2',
      block: '<p>no headers</p>',
    })
    const pdf = warcRecord({
      type: 'response',
      uri: 'https://a.example/doc.pdf',
      block: httpResponse('%PDF-1.7', { 'Content-Type': 'application/pdf' }),
    })
    const file = join(dir, 'crawl.warc.gz')
    await writeFile(
      file,
      warcFile(
        [htmlRecord('https://a.example/1', articlePage('Morning'), '<urn:uuid:one>'), bare, pdf],
        true,
      ),
    )
    const out = join(dir, 'out.jsonl')
    const result = await runCli([
      'extract',
      file,
      '-o',
      out,
      '--rejects',
      join(dir, 'rejects.jsonl'),
      '--stats',
      join(dir, 'stats.json'),
    ])
    expect(result.code).toBe(0)
    expect(jsonLines(await readFile(out, 'utf8'))).toEqual([
      expect.objectContaining({
        id: '<urn:uuid:one>',
        url: 'https://a.example/1',
        text: paragraphs.join('\n'),
      }),
    ])
    expect(result.stderr).toContain(`winnow: warning: ${file}: offset `)
    expect(jsonLines(await readFile(join(dir, 'rejects.jsonl'), 'utf8'))).toEqual([
      expect.objectContaining({
        id: '<urn:uuid:bare>',
        code: 'missing_http_headers',
        source: file,
      }),
    ])
    const stats = JSON.parse(await readFile(join(dir, 'stats.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(stats).toMatchObject({
      documents: 1,
      rejected: 1,
      skipped: { 'response (application/pdf)': 1 },
    })
  })

  it('stops with exit code 2 at the first bad record under --strict', async () => {
    const file = join(dir, 'broken.warc.gz')
    const whole = warcFile([htmlRecord('https://a.example/1', articlePage('Noon'))], true)
    await writeFile(file, whole.subarray(0, whole.length - 40))
    const result = await runCli(['extract', file, '--strict'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/broken\.warc\.gz: corrupt gzip/)
  })

  it('reports a page nested too deep and one too large, and goes on', async () => {
    await writeFile(
      join(dir, 'a-deep.html'),
      `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`,
    )
    await writeFile(join(dir, 'b-fine.html'), articlePage('Night'))
    await writeFile(join(dir, 'c-huge.html'), Buffer.alloc(50 * 1024 * 1024, 0x20))
    const result = await runCli(['extract', dir, '--quiet', '--rejects', join(dir, 'r.jsonl')])
    expect(result.code).toBe(0)
    expect(jsonLines(result.stdout).map((line) => line['id'])).toEqual(['b-fine.html'])
    const rejects = jsonLines(await readFile(join(dir, 'r.jsonl'), 'utf8'))
    expect(rejects.map((r) => [r['id'], r['code']])).toEqual([
      ['a-deep.html', 'page_too_deep'],
      ['c-huge.html', 'page_too_large'],
    ])
  })

  it('lists rejects in input order, whenever extraction answers', async () => {
    const deep = `${'<div>'.repeat(6000)}x`
    const lines = [
      JSON.stringify({ id: 'deep', html: deep }),
      '{not json',
      JSON.stringify({ id: 'fine', html: articlePage('Dawn') }),
    ]
    await writeFile(join(dir, 'pages.jsonl'), `${lines.join('\n')}\n`)
    const rejectsFile = join(dir, 'r.jsonl')
    const args = ['--html-field', 'html', '--quiet', '--rejects', rejectsFile]
    const result = await runCli(['extract', join(dir, 'pages.jsonl'), ...args])
    expect(result.code).toBe(0)
    expect(jsonLines(result.stdout).map((line) => line['id'])).toEqual(['fine'])
    const rejects = jsonLines(await readFile(rejectsFile, 'utf8'))
    expect(rejects.map((r) => [r['line'], r['code']])).toEqual([
      [1, 'page_too_deep'],
      [2, 'malformed_json'],
    ])
  })

  it('gives the same output on worker threads as on one thread', async () => {
    // Pages past a million characters in all, so that two workers are started.
    const padding = `<!-- ${'x'.repeat(200_000)} -->`
    for (let i = 0; i < 6; i++) {
      await writeFile(join(dir, `p${i}.html`), `${padding}${articlePage(`Town ${i}`)}`)
    }
    const one = await runCli(['extract', dir, '--quiet', '--workers', '1'])
    const two = await runCli(['extract', dir, '--quiet', '--workers', '2'])
    expect(two.code).toBe(0)
    expect(jsonLines(two.stdout)).toHaveLength(6)
    expect(two.stdout).toBe(one.stdout)
  })

  it('drops lines a site prints inside many of its articles', async () => {
    const prompt = 'Get the latest news in your inbox every morning. Subscribe to our newsletters.'
    const records = Array.from({ length: 8 }, (_, i) => {
      const body = paragraphs.map((p) => `<p>In town ${'ABCDEFGH'[i]}: ${p}</p>`).join('')
      return htmlRecord(
        `https://news.example/${i}`,
        `<html><body><article>${body}<p>${prompt}</p></article></body></html>`,
      )
    })
    const file = join(dir, 'site.warc.gz')
    await writeFile(file, warcFile(records, true))
    const result = await runCli(['extract', file, '--quiet'])
    const lines = jsonLines(result.stdout)
    expect(lines).toHaveLength(8)
    for (const line of lines) {
      expect(line['text']).not.toContain('Subscribe')
      expect(String(line['text']).split('\n')).toHaveLength(4)
    }
  })

  it('explains usage mistakes', async () => {
    const result = await runCli(['extract'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('extract needs at least one input')
  })
})

describe('winnow dedup on HTML input', () => {
  it('extracts first, so two captures in different furniture are one cluster', async () => {
    await writeFile(join(dir, 'a.html'), articlePage('Evening'))
    await writeFile(join(dir, 'b.htm'), articlePage('Weekend'))
    await writeFile(
      join(dir, 'c.jsonl'),
      `${JSON.stringify({ id: 'c', page: articlePage('Sunday') })}\n`,
    )
    await writeFile(
      join(dir, 'd.warc.gz'),
      warcFile([htmlRecord('https://x.example/d', articlePage('Daily'), 'd')], true),
    )
    const result = await runCli(['dedup', dir, '--html-field', 'page', '--quiet'])
    expect(result.code).toBe(0)
    const records = jsonLines(result.stdout)
    expect(records.map((r) => [r['id'], r['cluster']])).toEqual([
      ['a.html', 'a.html'],
      ['b.htm', 'a.html'],
      ['c', 'a.html'],
      ['d', 'a.html'],
    ])
    expect(records[0]?.['text']).toBe(
      ['Harbour to reopen after winter storm', ...paragraphs].join('\n'),
    )
  })

  it('counts skipped WARC records in the summary and the stats', async () => {
    const request = warcRecord({
      type: 'request',
      uri: 'https://a.example/1',
      block: 'GET / HTTP/1.1\r\n\r\n',
    })
    await writeFile(
      join(dir, 'c.warc'),
      warcFile([request, htmlRecord('https://a.example/1', articlePage('Early'))]),
    )
    await writeFile(join(dir, 'x.gz'), gzipSync('not read'))
    const statsDir = await mkdtemp(join(tmpdir(), 'winnow-stats-'))
    const stats = join(statsDir, 'stats.json')
    const result = await runCli(['dedup', dir, '--stats', stats])
    const written = JSON.parse(await readFile(stats, 'utf8')) as Record<string, unknown>
    await rm(statsDir, { recursive: true, force: true })
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(/1 documents, .* 0 empty, 2 skipped, [\d.]+ s/)
    expect(written['skipped']).toEqual({ request: 1, 'unsupported file': 1 })
  })
})
