import { describe, expect, it } from 'vitest'
import { extractArticle, similarity, type Article } from './extract-article.js'

const prose = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} about ${topic}, which goes on for a while, with commas, clauses and enough words to read as prose written by a person.</p>`,
  ).join('\n')

function page(head: string, body: string): string {
  return `<!doctype html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`
}

function extract(html: string): Article {
  const result = extractArticle(html)
  if (!result.ok) throw new Error(result.reason)
  return result.article
}

const furniture = `
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  <div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story entirely</a></li><li><a href="/b">Yet another story</a></li></ul></div>
  <footer>Copyright and a postal address, with commas, that no one reads.</footer>`

describe('extractArticle', () => {
  it('keeps the article and leaves out navigation, sidebars and footers', () => {
    const html = page(
      '<title>Harbour reopens after a long winter | The Gazette</title>',
      `${furniture}<div class="story"><h1>Harbour reopens after a long winter</h1>${prose('the harbour', 6)}</div>`,
    )
    const article = extract(html)
    const lines = article.text.split('\n')
    expect(lines).toHaveLength(6)
    expect(lines[0]).toMatch(/^Paragraph 1 about the harbour/)
    expect(article.text).not.toMatch(/Most read|Copyright|Home/)
    expect(article.title).toBe('Harbour reopens after a long winter')
    expect(article.lang).toBe('en-GB')
  })

  it('drops link lists, share boxes and captions inside the article', () => {
    const html = page(
      '',
      `<article>${prose('the river', 3)}
        <figure><img src="x.jpg"><figcaption>The river at dawn. Photo: A. Person</figcaption></figure>
        <div class="share-tools">Share on every network</div>
        <div><ul><li><a href="/1">Read this other thing</a></li><li><a href="/2">And this one</a></li><li><a href="/3">Also this</a></li></ul></div>
        ${prose('the river bank', 2)}</article>`,
    )
    const text = extract(html).text
    expect(text.split('\n')).toHaveLength(5)
    expect(text).not.toMatch(/Photo|Share|Read this/)
  })

  it('drops short paragraphs that are only a link, unless they are most of the article', () => {
    const pointer = '<p><a href="/other">READ MORE: ANOTHER STORY ON ANOTHER PAGE</a></p>'
    const text = extract(
      page('', `<article>${prose('the dam', 2)}${pointer}${prose('the lake', 2)}</article>`),
    ).text
    expect(text.split('\n')).toHaveLength(4)
    expect(text).not.toContain('READ MORE')

    const roundup = Array.from(
      { length: 8 },
      (_, i) =>
        `<p><a href="/${i}">Link number ${i} of the weekly roundup, to another site</a></p>`,
    ).join('')
    const links = extract(page('', `<article>${prose('links', 1)}${roundup}</article>`)).text
    expect(links.split('\n')).toHaveLength(9)
  })

  it('puts each block and each <br> on its own line and keeps line breaks in <pre>', () => {
    const html = page(
      '',
      `<article>${prose('code', 3)}<p>First line<br>second line</p><pre>let a = 1
let b = 2</pre></article>`,
    )
    const lines = extract(html).text.split('\n')
    expect(lines.slice(3)).toEqual(['First line', 'second line', 'let a = 1', 'let b = 2'])
  })

  it('reads title, byline and date from JSON-LD before meta tags', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'The Gazette' },
        {
          '@type': 'NewsArticle',
          headline: 'Tides rise early',
          author: [{ '@type': 'Person', name: 'Ada Byron' }, { name: 'Mary Somerville' }],
          datePublished: '2024-03-02T09:30:00+01:00',
        },
      ],
    })
    const html = page(
      `<title>Something else | Site</title><meta property="og:title" content="Not this one"><script type="application/ld+json">${ld}</script>`,
      `<article>${prose('tides', 4)}</article>`,
    )
    const article = extract(html)
    expect(article.title).toBe('Tides rise early')
    expect(article.byline).toBe('Ada Byron, Mary Somerville')
    expect(article.published).toBe('2024-03-02T08:30:00.000Z')
  })

  it('reads byline and date from meta tags, or from the page itself', () => {
    const fromMeta = page(
      '<meta name="author" content="Grace Hopper"><meta property="article:published_time" content="2023-11-18">',
      `<article>${prose('compilers', 4)}</article>`,
    )
    expect(extract(fromMeta)).toMatchObject({ byline: 'Grace Hopper', published: '2023-11-18' })

    const fromPage = page(
      '<title>Bridges</title>',
      `<article><div class="byline">By Isambard Brunel</div><time datetime="2022-05-01T12:00:00Z">1 May</time>${prose('bridges', 4)}</article>`,
    )
    const article = extract(fromPage)
    expect(article).toMatchObject({
      byline: 'Isambard Brunel',
      published: '2022-05-01T12:00:00.000Z',
    })
    expect(article.text).not.toContain('Brunel')
  })

  it('gives null for what a page does not say', () => {
    const article = extract('<p>Just a line.</p>')
    expect(article).toEqual({
      title: null,
      byline: null,
      published: null,
      lang: null,
      text: 'Just a line.',
    })
  })

  it('refuses pages that are too large or nested too deep, without throwing', () => {
    const huge = extractArticle('<p>x</p>'.repeat(10), {
      limits: { maxChars: 50, maxDepth: 5000 },
      minChars: 500,
    })
    expect(huge).toMatchObject({ ok: false, code: 'page_too_large' })
    const deep = extractArticle(`${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`)
    expect(deep).toMatchObject({ ok: false, code: 'page_too_deep' })
  })

  it('handles pages nested deep but within the limit', () => {
    const html = `<body>${'<div>'.repeat(3000)}${prose('depth', 4)}${'</div>'.repeat(3000)}</body>`
    expect(extract(html).text.split('\n')).toHaveLength(4)
  })
})

describe('similarity', () => {
  it('is the share of the second text made of words of the first', () => {
    expect(similarity('Harbour reopens', 'Harbour reopens')).toBe(1)
    expect(similarity('Harbour reopens', 'Something else')).toBe(0)
  })
})
