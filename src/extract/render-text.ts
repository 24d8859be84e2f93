// Render a DOM subtree as plain text: one block a line, line breaks kept inside <pre>.
import { isTag, isText, type AnyNode, type Element } from 'domhandler'

const BLOCKS = new Set(
  'address article aside blockquote caption dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody tfoot thead tr ul'.split(
    ' ',
  ),
)
const CELLS = new Set(['td', 'th'])

/**
 * The text of `root`, each block element and each `<br>` on a line of its own, table cells
 * separated by a space, whitespace collapsed within lines, blank lines dropped.
 *
 * @example
 * renderText(parsed('<p>One <b>two</b></p><p>Three</p>')) // 'One two\nThree'
 */
export function renderText(root: Element): string {
  const out: string[] = []
  let inPre = 0
  // A stack of nodes to enter, with markers for the elements to leave.
  const stack: (AnyNode | { leave: Element })[] = [root]
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if ('leave' in item) {
      if (item.leave.name === 'pre') inPre--
      if (BLOCKS.has(item.leave.name)) out.push('\n')
      else if (CELLS.has(item.leave.name)) out.push(' ')
      continue
    }
    if (isText(item)) {
      out.push(inPre > 0 ? item.data : item.data.replace(/\s+/g, ' '))
      continue
    }
    if (!isTag(item)) continue
    if (item.name === 'br') {
      out.push('\n')
      continue
    }
    if (item.name === 'pre') inPre++
    if (BLOCKS.has(item.name)) out.push('\n')
    stack.push({ leave: item })
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as AnyNode)
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
}
