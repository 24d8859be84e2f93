// Parse an HTML page into a DOM with htmlparser2, after checks that keep huge or absurd pages out.
import { DomHandler, Element, isText, Text, type Document } from 'domhandler'
import { Parser } from 'htmlparser2'

/** Limits that keep one hostile page from stalling a run. */
export interface ParseLimits {
  /** Longest page accepted, in UTF-16 code units of its decoded text. */
  maxChars: number
  /** Deepest element nesting accepted, as the parser nests them (implied end tags closed). */
  maxDepth: number
}

/**
 * The defaults: 16 Mi characters is far beyond any real article page (the evaluation pages
 * average 190 KB); 5,000 levels is far deeper than any real page, and the parser's cost grows
 * with the square of the depth.
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
  const handler = new DepthLimitedHandler(limits.maxDepth)
  try {
    new Parser(handler, OPTIONS).end(html)
  } catch (error) {
    if (error !== TOO_DEEP) throw error
    return { code: 'page_too_deep', reason: `elements nested over ${limits.maxDepth} deep` }
  }
  return { document: handler.root }
}

const OPTIONS = { lowerCaseTags: true, lowerCaseAttributeNames: true }
const TOO_DEEP = new Error('too deep')

// The parser's cost grows with the square of the nesting depth, so the tree builder stops it as
// soon as the open elements pass the limit, instead of after parsing the whole page.
class DepthLimitedHandler extends DomHandler {
  readonly maxDepth: number

  constructor(maxDepth: number) {
    super()
    this.maxDepth = maxDepth
  }

  // As DomHandler builds elements and text (no indices, not XML), with the nodes made below.
  override onopentag(name: string, attribs: Record<string, string>): void {
    const element = elementNode(name, attribs)
    this.addNode(element)
    this.tagStack.push(element)
    if (this.tagStack.length > this.maxDepth) throw TOO_DEEP
  }

  override ontext(data: string): void {
    const last = this.lastNode
    if (last !== null && isText(last)) {
      last.data += data
      return
    }
    const text = textNode(data)
    this.addNode(text)
    this.lastNode = text
  }
}

// Elements and text nodes are domhandler's (its prototypes: every getter and method works), made
// with plain stores. Its constructors define the shared fields in the base class, where, run for
// every kind of node, the definitions turn megamorphic: about a fifth of extracting a page went
// to them.
function elementNode(name: string, attribs: Record<string, string>): Element {
  const node = unlinkedNode<Element>(Element.prototype)
  node.children = []
  node.name = name
  node.attribs = attribs
  // domelementtype's values, as Element's constructor chooses them.
  node.type = (name === 'script' ? 'script' : name === 'style' ? 'style' : 'tag') as Element['type']
  return node
}

function textNode(data: string): Text {
  const node = unlinkedNode<Text>(Text.prototype)
  node.data = data
  node.type = 'text' as Text['type']
  return node
}

// A node of `prototype`'s class with the fields every node has, not yet in a tree.
function unlinkedNode<T extends Element | Text>(prototype: T): T {
  const node = Object.create(prototype) as T
  node.parent = null
  node.prev = null
  node.next = null
  node.startIndex = null
  node.endIndex = null
  return node
}
