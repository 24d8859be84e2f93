// Parse an HTML page into a DOM with htmlparser2, after checks that keep huge or absurd pages out.
import { parseDocument } from 'htmlparser2'
import type { Document } from 'domhandler'

/** Limits that keep one hostile page from stalling a run. */
export interface ParseLimits {
  /** Longest page accepted, in UTF-16 code units of its decoded text. */
  maxChars: number
  /** Deepest element nesting accepted (estimated from the tags, before parsing). */
  maxDepth: number
}

/**
 * The defaults: 16 Mi characters is far beyond any real article page (the evaluation pages
 * average 190 KB); 5,000 levels is ten times the deepest real page we have seen, and the
 * parser's cost grows with the square of the depth.
 */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxChars: 16 * 1024 * 1024, maxDepth: 5000 }

/** Why a page was not parsed. */
export interface ParseFailure {
  code: 'page_too_large' | 'page_too_deep'
  reason: string
}

/**
 * Parse `html`, or say why it was refused. Entities are decoded, tag and attribute names
 * lower-cased.
 *
 * @example
 * const result = parseHtml('<p>Hi</p>')
 * if ('document' in result) result.document.children.length // 1
 */
export function parseHtml(
  html: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): { document: Document } | ParseFailure {
  if (html.length > limits.maxChars) {
    const reason = `page too large: ${html.length} characters (limit ${limits.maxChars})`
    return { code: 'page_too_large', reason }
  }
  const depth = nestingDepth(html, limits.maxDepth)
  if (depth > limits.maxDepth) {
    return { code: 'page_too_deep', reason: `elements nested over ${limits.maxDepth} deep` }
  }
  return { document: parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true }) }
}

// Tags that never nest: void elements, and those whose end tag may be left out (the parser
// closes an open <p> or <li> at the next one, so counting them would overstate sloppy pages).
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup tr td th thead tbody tfoot rt rp colgroup caption html head body'.split(
    ' ',
  ),
)

/**
 * An estimate of the deepest nesting, from open and close tags alone; stops counting past
 * `limit`.
 *
 * @example
 * nestingDepth('<div><div></div></div>', 100) // 2
 */
export function nestingDepth(html: string, limit: number): number {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g
  let depth = 0
  let deepest = 0
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    const name = (match[2] ?? '').toLowerCase()
    if (NOT_NESTING.has(name) || match[3] === '/') continue
    depth = match[1] === '/' ? Math.max(0, depth - 1) : depth + 1
    if (depth > deepest) deepest = depth
    if (deepest > limit) break
  }
  return deepest
}
