// Per-element text measures (length, link text, commas, child kinds), computed in one pass.
import { isTag, isText, type Element } from 'domhandler'
import { descendants } from './dom.js'

/** What scoring and cleaning need to know about an element's content. */
export interface NodeStats {
  /** Characters of text, whitespace collapsed. */
  chars: number
  /** Characters of text inside links (links to the page itself count 0.3). */
  linkChars: number
  commas: number
  paragraphs: number
  images: number
  listItems: number
  inputs: number
  embeds: number
  headingChars: number
  /** Whether a block element (div, p, list, table, …) lies below it. */
  hasBlock: boolean
}

/** Elements that make a div more than a paragraph (Readability's list). */
export const BLOCK_TAGS = new Set([
  'blockquote',
  'dl',
  'div',
  'img',
  'ol',
  'p',
  'pre',
  'table',
  'ul',
])
const EMBED_TAGS = new Set(['iframe', 'embed', 'object', 'video', 'audio'])
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g

/**
 * Measure `root` and every element below it. Elements are visited in reverse document order, so
 * each element is finished before its parent adds it up: no recursion, whatever the depth.
 *
 * @example
 * const stats = measure(body)
 * linkDensity(stats.get(nav)) // 0.9
 */
export function measure(root: Element): Map<Element, NodeStats> {
  const stats = new Map<Element, NodeStats>()
  const order = [root, ...descendants(root)]
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i] as Element
    const own = emptyStats()
    for (const child of el.children) {
      if (isText(child)) {
        const text = child.data.replace(/\s+/g, ' ')
        own.chars += text.trim() === '' ? 0 : text.length
        own.commas += text.match(COMMAS)?.length ?? 0
      } else if (isTag(child)) {
        const sub = stats.get(child)
        if (sub !== undefined) add(own, sub)
        if (BLOCK_TAGS.has(child.name)) own.hasBlock = true
      }
    }
    if (el.name === 'a') {
      const href = el.attribs['href'] ?? ''
      own.linkChars = href.startsWith('#') ? own.chars * 0.3 : own.chars
    }
    if (el.name === 'p') own.paragraphs++
    else if (el.name === 'img') own.images++
    else if (el.name === 'li') own.listItems++
    else if (el.name === 'input') own.inputs++
    else if (EMBED_TAGS.has(el.name)) own.embeds++
    else if (HEADINGS.has(el.name)) own.headingChars = own.chars
    stats.set(el, own)
  }
  return stats
}

/**
 * Share of the text that sits in links, 0..1.
 *
 * @example
 * linkDensity({ ...stats, chars: 100, linkChars: 30 }) // 0.3
 */
export function linkDensity(stats: NodeStats | undefined): number {
  if (stats === undefined || stats.chars === 0) return 0
  return Math.min(1, stats.linkChars / stats.chars)
}

/**
 * Take a removed element's measures off its ancestors up to `root`.
 *
 * @example
 * subtractFromAncestors(stats, removed, article)
 */
export function subtractFromAncestors(
  stats: Map<Element, NodeStats>,
  el: Element,
  root: Element,
): void {
  const removed = stats.get(el)
  if (removed === undefined) return
  for (let node = el.parent; node !== null && isTag(node); node = node.parent) {
    const sum = stats.get(node)
    if (sum !== undefined) add(sum, removed, -1)
    if (node === root) break
  }
}

function emptyStats(): NodeStats {
  return {
    chars: 0,
    linkChars: 0,
    commas: 0,
    paragraphs: 0,
    images: 0,
    listItems: 0,
    inputs: 0,
    embeds: 0,
    headingChars: 0,
    hasBlock: false,
  }
}

function add(into: NodeStats, from: NodeStats, sign = 1): void {
  into.chars += sign * from.chars
  into.linkChars += sign * from.linkChars
  into.commas += sign * from.commas
  into.paragraphs += sign * from.paragraphs
  into.images += sign * from.images
  into.listItems += sign * from.listItems
  into.inputs += sign * from.inputs
  into.embeds += sign * from.embeds
  into.headingChars += sign * from.headingChars
  if (sign > 0 && from.hasBlock) into.hasBlock = true
}
