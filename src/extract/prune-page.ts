// Drop what is never article text: scripts, forms, navigation, hidden nodes, and (optionally)
// elements whose class, id or role names page furniture.
import { isTag, type AnyNode, type Element } from 'domhandler'
import { classAndId } from './dom.js'

const JUNK_TAGS = new Set(
  'script style noscript template svg iframe object embed canvas video audio input button select textarea nav aside footer head link meta dialog'.split(
    ' ',
  ),
)

// Readability's signals: class or id words that name furniture, unless they also name content.
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/
const MAYBE_CONTENT = /and|article|body|column|content|main|mathjax|shadow/
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
])

/**
 * Remove junk in place below `root`, iteratively. With `stripUnlikely`, also remove elements
 * whose class or id suggests furniture (except inside tables and code, and never `body`, `a`,
 * `article` or `main`).
 *
 * @example
 * prunePage(body, { stripUnlikely: true })
 */
export function prunePage(root: Element, options: { stripUnlikely: boolean }): void {
  const stack: Element[] = [root]
  for (let el = stack.pop(); el !== undefined; el = stack.pop()) {
    const kept: typeof el.children = []
    for (const child of el.children) {
      if (!isTag(child)) {
        kept.push(child)
        continue
      }
      if (isJunk(child) || (options.stripUnlikely && isUnlikely(child))) {
        child.parent = null
        continue
      }
      kept.push(child)
      stack.push(child)
    }
    el.children = kept
    relink(kept)
  }
}

function isJunk(el: Element): boolean {
  if (JUNK_TAGS.has(el.name)) return true
  const a = el.attribs
  if (a['hidden'] !== undefined) return true
  if (a['aria-hidden'] === 'true' && !(a['class'] ?? '').includes('fallback-image')) return true
  const style = a['style']
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)
}

function isUnlikely(el: Element): boolean {
  if (
    ['body', 'a', 'article', 'main', 'table', 'tbody', 'tr', 'td', 'code', 'pre'].includes(el.name)
  )
    return false
  const role = el.attribs['role']
  if (role !== undefined && UNLIKELY_ROLES.has(role)) return true
  const names = classAndId(el)
  return UNLIKELY.test(names) && !MAYBE_CONTENT.test(names) && !inTableOrCode(el)
}

function inTableOrCode(el: Element): boolean {
  for (let node = el.parent; node !== null; node = node.parent) {
    if (isTag(node) && (node.name === 'table' || node.name === 'code')) return true
  }
  return false
}

// Keep sibling links consistent after filtering, for any code that walks them.
function relink(children: AnyNode[]): void {
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as AnyNode
    node.prev = (children[i - 1] as AnyNode | undefined) ?? null
    node.next = (children[i + 1] as AnyNode | undefined) ?? null
  }
}
