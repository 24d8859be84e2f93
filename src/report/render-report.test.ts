import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { plainRecords, testRecords } from '../../test/report-records.js'
import { renderReport } from './render-report.js'

const page = (...args: Parameters<typeof renderReport>) => [...renderReport(...args)].join('')

describe('renderReport', () => {
  it('writes one page with its data, its script and a policy that allows only that script', () => {
    const html = page({ records: testRecords(), source: 'out.jsonl' })
    expect(html.startsWith('<!doctype html>')).toBe(true)
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? ''
    const hash = createHash('sha256').update(script).digest('base64')
    expect(html).toContain(`script-src 'sha256-${hash}'`)
    expect(html).toContain("default-src 'none'")
    // Nothing is fetched: no external scripts, styles or images.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/)
    const meta = /<script type="application\/json" id="winnow-meta">(.*)<\/script>/.exec(html)
    expect(JSON.parse(meta?.[1] ?? '')).toMatchObject({ ids: ['a', 'b', 'c'], source: 'out.jsonl' })
    expect(html).toContain('id="winnow-chunk-0"')
  })

  it('adds a form to check a page only when served, and lets only that page connect home', () => {
    const file = page({ records: testRecords(), source: 'out.jsonl' })
    expect(file).not.toContain('<form id="check-form"')
    expect(file).not.toContain('connect-src')
    const served = page(
      { records: testRecords(), source: 'corpus.db' },
      { checkForm: { endpoint: '/v1/check' } },
    )
    expect(served).toContain('<form id="check-form" action="/v1/check" method="post">')
    expect(served).toContain("connect-src 'self'")
    const scripts = [...served.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '')
    expect(scripts).toHaveLength(2)
    for (const script of scripts) {
      expect(served).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`)
    }
  })

  it('escapes ids, URLs and texts from the crawl', () => {
    const [first, second] = testRecords()
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>'
    const html = page({
      records: [
        { ...first!, id: hostile, cluster: hostile, url: `https://${hostile}`, text: hostile },
        { ...second!, cluster: hostile, duplicate_of: hostile },
      ],
      source: '<b>out</b>.jsonl',
    })
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<b>out</b>')
    expect(html).toContain('&lt;b&gt;out&lt;/b&gt;.jsonl')
    expect(html.match(/<script>/g)).toHaveLength(1)
  })

  it('says which dedup flags would show more', () => {
    const records = plainRecords()
    const html = page({ records, source: 'out.jsonl' })
    expect(html).toContain('<code>winnow dedup --removed</code>')
    expect(html).toContain('<code>winnow dedup --explain</code>')
    expect(html).toContain('<code>--rejects FILE</code>')
  })
})
