// Who wrote the page: structured metadata, else a short element marked as the byline.
import type { Element } from 'domhandler'
import { classAndId, descendants, detach, textOf } from './dom.js'
import { jsonLdText, type PageMeta } from './page-meta.js'

const BYLINE_TAGS = [
  'dc:creator',
  'dcterm:creator',
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'byl',
]
const BYLINE_NAMES = /byline|author|dateline|writtenby|p-author/

/**
 * The author named by JSON-LD or a meta tag (a URL does not count as a name).
 *
 * @example
 * bylineFromMeta(meta) // 'Ada Lovelace'
 */
export function bylineFromMeta(meta: PageMeta): string | undefined {
  const candidates = [
    jsonLdText(meta.jsonLd?.['author']),
    ...BYLINE_TAGS.map((tag) => meta.tags.get(tag)),
  ]
  for (const value of candidates) {
    if (value !== undefined && value !== '' && !/^https?:\/\//.test(value)) return value
  }
  return undefined
}

/**
 * Find the first byline element below `root` (rel=author, itemprop=author, or a class or id
 * such as `byline`, with under 100 characters of text), take it out of the page so that it
 * does not end up in the article text, and return its text.
 *
 * @example
 * takeBylineElement(body) // 'By Ada Lovelace'
 */
export function takeBylineElement(root: Element): string | undefined {
  for (const el of descendants(root)) {
    const marked =
      el.attribs['rel'] === 'author' ||
      (el.attribs['itemprop'] ?? '').includes('author') ||
      BYLINE_NAMES.test(classAndId(el))
    if (!marked) continue
    const text = textOf(el)
    if (text.length > 0 && text.length < 100) {
      detach(el)
      return text.replace(/^by\s+/i, '')
    }
  }
  return undefined
}
