// When the page was published: structured metadata, else the first machine-readable <time>.
import type { Element } from 'domhandler'
import { descendants } from './dom.js'
import { jsonLdText, type PageMeta } from './page-meta.js'

const DATE_TAGS = [
  'article:published_time',
  'parsely-pub-date',
  'og:published_time',
  'datepublished',
  'publishdate',
  'pubdate',
  'sailthru.date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'date',
]

/**
 * The publication date as ISO 8601: JSON-LD `datePublished`, the date meta tags, or the first
 * `<time datetime>` (or `itemprop=datePublished`) in the page.
 *
 * @example
 * findPublished(meta, document) // '2024-03-02T09:30:00.000Z'
 */
export function findPublished(
  meta: PageMeta,
  root: Element | { children: Element['children'] },
): string | undefined {
  const candidates = [
    jsonLdText(meta.jsonLd?.['datePublished']),
    ...DATE_TAGS.map((tag) => meta.tags.get(tag)),
  ]
  for (const value of candidates) {
    const date = value === undefined ? undefined : isoDate(value)
    if (date !== undefined) return date
  }
  for (const el of descendants(root as Element)) {
    const marked = el.name === 'time' || el.attribs['itemprop'] === 'datePublished'
    const value = el.attribs['datetime'] ?? el.attribs['content']
    if (!marked || value === undefined) continue
    const date = isoDate(value)
    if (date !== undefined) return date
  }
  return undefined
}

/**
 * A date string as ISO 8601: a bare date stays a date, a date with a time becomes UTC. Years
 * outside 1900–2200 and unparseable text give undefined.
 *
 * @example
 * isoDate('2024-03-02') // '2024-03-02'
 * isoDate('Sat, 02 Mar 2024 09:30:00 GMT') // '2024-03-02T09:30:00.000Z'
 */
export function isoDate(value: string): string | undefined {
  const text = value.trim()
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  const ms = Date.parse(dateOnly === null ? text : `${text}T00:00:00Z`)
  if (Number.isNaN(ms)) return undefined
  const date = new Date(ms)
  const year = date.getUTCFullYear()
  if (year < 1900 || year > 2200) return undefined
  return dateOnly === null ? date.toISOString() : date.toISOString().slice(0, 10)
}
