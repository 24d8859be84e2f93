// The article's title: structured metadata first, else the <title> with the site name cut off.
import type { Element } from 'domhandler'
import { collapse, descendants, textOf } from './dom.js'
import { jsonLdText, type PageMeta } from './page-meta.js'

const TITLE_TAGS = [
  'dc:title',
  'dcterm:title',
  'og:title',
  'weibo:article:title',
  'weibo:webpage:title',
  'title',
  'twitter:title',
  'parsely-title',
]
const SEPARATORS = /\s[|\-\u2013\u2014\\/>»]\s/
const HIERARCHY = /\s[\\/>»]\s/

/**
 * The title a reader would give the page: JSON-LD `headline`, then the title meta tags, then
 * `<title>` without the site name (`Headline | Site`), a lone `<h1>` when the title is unusable.
 *
 * @example
 * findTitle(readPageMeta(document), document)
 */
export function findTitle(
  meta: PageMeta,
  root: Element | { children: Element['children'] },
): string {
  const fromLd = jsonLdText(meta.jsonLd?.['headline']) ?? jsonLdText(meta.jsonLd?.['name'])
  if (fromLd !== undefined && fromLd !== '') return fromLd
  for (const tag of TITLE_TAGS) {
    const value = meta.tags.get(tag)
    if (value !== undefined && value !== '') return value
  }
  return titleFromDocument(meta.documentTitle, root)
}

/**
 * Readability's rules for a `<title>`: cut at the last separator, unless that leaves fewer than
 * three words; after a colon when no heading repeats the whole title; a single h1 when the title
 * is very short or very long.
 *
 * @example
 * titleFromDocument('Rain returns to the valley | The Daily', body) // 'Rain returns to the valley'
 */
export function titleFromDocument(
  original: string,
  root: Element | { children: Element['children'] },
): string {
  let title = collapse(original)
  let hierarchical = false
  const words = (text: string) => text.split(/\s+/).filter((word) => word !== '').length
  if (SEPARATORS.test(title)) {
    hierarchical = HIERARCHY.test(title)
    title = original.replace(/(.*)\s[|\-\u2013\u2014\\/>»]\s.*/s, '$1')
    if (words(title) < 3)
      title = original.replace(/^[^|\-\u2013\u2014\\/>»]*[|\-\u2013\u2014\\/>»](.*)/s, '$1')
  } else if (title.includes(': ')) {
    const headings = [...descendants(root as Element)].filter(
      (el) => el.name === 'h1' || el.name === 'h2',
    )
    const trimmed = title.trim()
    if (!headings.some((el) => textOf(el) === trimmed)) {
      title = original.substring(original.lastIndexOf(':') + 1)
      if (words(title) < 3) title = original.substring(original.indexOf(':') + 1)
      else if (words(original.substring(0, original.indexOf(':'))) > 5) title = original
    }
  } else if (title.length > 150 || title.length < 15) {
    const h1s = [...descendants(root as Element)].filter((el) => el.name === 'h1')
    if (h1s.length === 1 && h1s[0] !== undefined) title = textOf(h1s[0])
  }
  title = collapse(title)
  const count = words(title)
  if (
    count <= 4 &&
    (!hierarchical || count !== words(original.replace(/[|\-\u2013\u2014\\/>»]+/g, '')) - 1)
  )
    title = collapse(original)
  return title
}
