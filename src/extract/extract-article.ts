// HTML page → article: metadata, then the main content found by scoring, cleaned and rendered.
import { Element, type Document } from 'domhandler'
import { cleanArticle } from './clean-article.js'
import { detach, descendants, findFirst, textOf } from './dom.js'
import { bylineFromMeta, takeBylineElement } from './find-byline.js'
import { findPublished } from './find-published.js'
import { findTitle } from './find-title.js'
import { measure } from './node-stats.js'
import { readPageMeta } from './page-meta.js'
import {
  DEFAULT_PARSE_LIMITS,
  parseHtml,
  type ParseFailure,
  type ParseLimits,
} from './parse-html.js'
import { pickArticle } from './pick-article.js'
import { prunePage } from './prune-page.js'
import { renderText } from './render-text.js'
import { scoreCandidates } from './score-candidates.js'

/** What extraction recovers from a page. Absent facts are null. */
export interface Article {
  title: string | null
  byline: string | null
  /** ISO 8601 date, or date and time in UTC. */
  published: string | null
  lang: string | null
  /** The main content, one paragraph a line. */
  text: string
}

/** Options of `extractArticle`. */
export interface ExtractOptions {
  limits: ParseLimits
  /** An attempt whose text is shorter than this is retried with fewer removals. */
  minChars: number
}

/** Defaults: Readability's 500-character retry threshold, and the parser's limits. */
export const DEFAULT_EXTRACT_OPTIONS: ExtractOptions = {
  limits: DEFAULT_PARSE_LIMITS,
  minChars: 500,
}

/** An article, or why the page could not be read. */
export type ExtractResult = { ok: true; article: Article } | ({ ok: false } & ParseFailure)

// Each attempt removes less than the one before; the first long enough wins.
const ATTEMPTS = [
  { stripUnlikely: true, weightClasses: true, conditional: true },
  { stripUnlikely: false, weightClasses: true, conditional: true },
  { stripUnlikely: false, weightClasses: false, conditional: true },
  { stripUnlikely: false, weightClasses: false, conditional: false },
]

/**
 * Extract the article from one HTML page. Pure and synchronous: no I/O, no global state.
 *
 * @example
 * const result = extractArticle('<html><head><title>Hi</title></head><body><p>…</p></body></html>')
 * if (result.ok) result.article.text
 */
export function extractArticle(
  html: string,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
): ExtractResult {
  const parsed = parseHtml(html, options.limits)
  if (!('document' in parsed)) return { ok: false, ...parsed }
  const meta = readPageMeta(parsed.document)
  const title = findTitle(meta, parsed.document)
  const published = findPublished(meta, parsed.document)
  let byline = bylineFromMeta(meta)
  let best = ''
  for (const [i, flags] of ATTEMPTS.entries()) {
    const document =
      i === 0
        ? parsed.document
        : (parseHtml(html, options.limits) as { document: Document }).document
    const body = bodyOf(document)
    prunePage(body, flags)
    const found = takeBylineElement(body)
    if (byline === undefined && found !== undefined) byline = found
    removeTitleHeading(body, title)
    const stats = measure(body)
    const article = pickArticle(body, scoreCandidates(body, stats, flags.weightClasses), stats)
    cleanArticle(article, flags)
    const text = renderText(article)
    if (text.length > best.length) best = text
    if (text.length >= options.minChars) break
  }
  return {
    ok: true,
    article: {
      title: title === '' ? null : title,
      byline: byline ?? null,
      published: published ?? null,
      lang: meta.lang ?? null,
      text: best,
    },
  }
}

function bodyOf(document: Document): Element {
  const body = findFirst(document, ['body'])
  if (body !== undefined) return body
  const wrapper = new Element('body', {}, document.children)
  for (const child of document.children) child.parent = wrapper
  return wrapper
}

// The page's own headline repeated above the text is not article body.
function removeTitleHeading(body: Element, title: string): void {
  if (title === '') return
  for (const el of descendants(body)) {
    if ((el.name === 'h1' || el.name === 'h2') && similarity(title, textOf(el)) > 0.75) {
      detach(el)
      return
    }
  }
}

/**
 * How much of `b` is made of words that also occur in `a`, by characters, 0..1.
 *
 * @example
 * similarity('Rain returns', 'Rain returns to the valley') // about 0.46
 */
export function similarity(a: string, b: string): number {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '')
  const inA = new Set(words(a))
  const wordsB = words(b)
  const all = wordsB.join(' ').length
  if (all === 0) return 0
  return 1 - wordsB.filter((w) => !inA.has(w)).join(' ').length / all
}
