// What a page says about itself: meta tags, JSON-LD, the <title>, the language.
import { isText, type Document, type Element } from 'domhandler'
import { collapse, descendants, textOf } from './dom.js'

/** A page's self-description, gathered before any pruning. */
export interface PageMeta {
  /** Meta tag values by lower-cased name or property (first one wins). */
  tags: Map<string, string>
  /** The first JSON-LD object of an article type, if any. */
  jsonLd: Record<string, unknown> | undefined
  /** The text of <title>. */
  documentTitle: string
  /** The lang attribute of <html>, if any. */
  lang: string | undefined
}

const ARTICLE_TYPES =
  /^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference|WebPage)$/

/**
 * Read the meta tags, JSON-LD, title and language of a parsed page.
 *
 * @example
 * readPageMeta(document).tags.get('og:title') // 'A headline'
 */
export function readPageMeta(document: Document): PageMeta {
  const tags = new Map<string, string>()
  let jsonLd: Record<string, unknown> | undefined
  let documentTitle: string | undefined
  let lang: string | undefined
  for (const el of descendants(document)) {
    if (el.name === 'html' && lang === undefined)
      lang = el.attribs['lang'] ?? el.attribs['xml:lang']
    else if (el.name === 'title' && documentTitle === undefined) documentTitle = textOf(el)
    else if (el.name === 'meta') readMetaTag(el, tags)
    else if (
      el.name === 'script' &&
      jsonLd === undefined &&
      el.attribs['type'] === 'application/ld+json'
    )
      jsonLd = articleObject(scriptText(el))
  }
  lang ??= tags.get('content-language') ?? tags.get('og:locale')?.replace('_', '-')
  return { tags, jsonLd, documentTitle: documentTitle ?? '', lang: lang?.trim() || undefined }
}

function readMetaTag(el: Element, tags: Map<string, string>): void {
  const content = el.attribs['content']
  if (content === undefined || content.trim() === '') return
  const keys = [
    el.attribs['property'],
    el.attribs['name'],
    el.attribs['itemprop'],
    el.attribs['http-equiv'],
  ]
  for (const key of keys) {
    if (key === undefined) continue
    // property may hold several names separated by spaces (RDFa).
    for (const name of key.toLowerCase().split(/\s+/)) {
      if (name !== '' && !tags.has(name)) tags.set(name, collapse(content))
    }
  }
}

function scriptText(el: Element): string {
  return el.children.map((child) => (isText(child) ? child.data : '')).join('')
}

// The JSON-LD object describing the article: top level, in an array, or in @graph.
function articleObject(json: string): Record<string, unknown> | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(json.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''))
  } catch {
    return undefined
  }
  const queue: unknown[] = [parsed]
  for (let i = 0; i < queue.length && i < 200; i++) {
    const item = queue[i]
    if (Array.isArray(item)) queue.push(...item)
    else if (typeof item === 'object' && item !== null) {
      const record = item as Record<string, unknown>
      const type = record['@type']
      const types = Array.isArray(type) ? type : [type]
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t) && t !== 'WebPage'))
        return record
      if (record['@graph'] !== undefined) queue.push(record['@graph'])
    }
  }
  return undefined
}

/**
 * A JSON-LD value as text: a string, the `name` of an object, or the names of a list joined.
 *
 * @example
 * jsonLdText([{ name: 'A' }, { name: 'B' }]) // 'A, B'
 */
export function jsonLdText(value: unknown): string | undefined {
  if (typeof value === 'string') return collapse(value) || undefined
  if (Array.isArray(value)) {
    const names = value.map(jsonLdText).filter((name) => name !== undefined)
    return names.length > 0 ? names.join(', ') : undefined
  }
  if (typeof value === 'object' && value !== null)
    return jsonLdText((value as Record<string, unknown>)['name'])
  return undefined
}
