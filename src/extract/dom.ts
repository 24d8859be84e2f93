// Small DOM helpers over domhandler nodes, all iterative so that deep pages cannot blow the stack.
import { isTag, isText, type AnyNode, type Element, type ParentNode } from 'domhandler'

export type { Element } from 'domhandler'

/**
 * Every element below `root` in document order (preorder), `root` excluded.
 *
 * @example
 * for (const el of descendants(body)) if (el.name === 'p') count++
 */
export function* descendants(root: ParentNode): Generator<Element> {
  const stack: AnyNode[] = [...root.children].reverse()
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!isTag(node)) continue
    yield node
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode)
  }
}

/**
 * The first element named one of `names` below `root`, in document order.
 *
 * @example
 * findFirst(document, ['body'])
 */
export function findFirst(root: ParentNode, names: readonly string[]): Element | undefined {
  for (const el of descendants(root)) if (names.includes(el.name)) return el
  return undefined
}

/**
 * The element's text with whitespace collapsed, as a reader would see it run together.
 *
 * @example
 * textOf(h1) // 'A headline'
 */
export function textOf(root: ParentNode): string {
  const parts: string[] = []
  const stack: AnyNode[] = [...root.children].reverse()
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isText(node)) parts.push(node.data)
    else if (isTag(node))
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode)
  }
  return collapse(parts.join(''))
}

/**
 * Runs of whitespace as one space, trimmed.
 *
 * @example
 * collapse('  a \n b ') // 'a b'
 */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * The element's class and id, lower-cased, for the class-name signals.
 *
 * @example
 * classAndId(el) // 'article-body main'
 */
export function classAndId(el: Element): string {
  return `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase()
}

/**
 * Take `node` out of its parent.
 *
 * @example
 * detach(adElement)
 */
export function detach(node: AnyNode): void {
  const parent = node.parent
  if (parent === null) return
  const index = parent.children.indexOf(node as (typeof parent.children)[number])
  if (index >= 0) parent.children.splice(index, 1)
  node.parent = null
}

/**
 * Whether `el` has an ancestor named `name` within `limit` levels.
 *
 * @example
 * hasAncestor(img, 'figure')
 */
export function hasAncestor(el: Element, name: string, limit = 50): boolean {
  let node = el.parent
  for (let depth = 0; node !== null && depth < limit; depth++, node = node.parent) {
    if (isTag(node) && node.name === name) return true
  }
  return false
}
