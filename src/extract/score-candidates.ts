// Readability-style scoring: paragraphs give points to their parent and grandparents; the
// container with the most points, discounted by its link density, holds the article.
import { isTag, isText, type Element } from 'domhandler'
import { classWeight } from './class-weight.js'
import { collapse, descendants, textOf } from './dom.js'
import { linkDensity, type NodeStats } from './node-stats.js'

const SCORED_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre'])
const ANCESTOR_LEVELS = 5

/** Content scores of the containers that received any. */
export type Scores = Map<Element, number>

/**
 * Score every container below `root`. A paragraph is a scored tag, a div with no block inside,
 * or a run of inline text directly in a div with blocks; each with 25 characters or more scores
 * 1 + its commas + one per 100 characters (at most 3), given in full to its parent, half to the
 * grandparent, and a third of the level to those above.
 *
 * @example
 * const scores = scoreCandidates(body, measure(body), true)
 */
export function scoreCandidates(
  root: Element,
  stats: Map<Element, NodeStats>,
  weightClasses: boolean,
): Scores {
  const scores: Scores = new Map()
  const give = (container: Element, points: number, level: number) => {
    if (!scores.has(container)) scores.set(container, initialScore(container, weightClasses))
    const share = level === 0 ? 1 : level === 1 ? 2 : level * 3
    scores.set(container, (scores.get(container) ?? 0) + points / share)
  }
  const award = (first: Element | null, text: string) => {
    if (text.length < 25 || first === null) return
    const points =
      1 +
      (text.match(/[,\uFF0C\u3001\u060C]/g)?.length ?? 0) +
      Math.min(Math.floor(text.length / 100), 3)
    let node: Element | null = first
    for (let level = 0; node !== null && level < ANCESTOR_LEVELS; level++) {
      give(node, points, level)
      node = node.parent !== null && isTag(node.parent) ? node.parent : null
    }
  }
  for (const el of descendants(root)) {
    const parent = el.parent !== null && isTag(el.parent) ? el.parent : null
    if (SCORED_TAGS.has(el.name)) award(parent, textOf(el))
    else if (isDivLike(el) && stats.get(el)?.hasBlock !== true) award(parent, textOf(el))
    else if (isDivLike(el)) for (const run of inlineRuns(el)) award(el, run)
  }
  for (const [el, score] of scores) scores.set(el, score * (1 - linkDensity(stats.get(el))))
  return scores
}

/**
 * The starting score of a container: by tag (divs likely hold text, lists and headings not),
 * plus its class weight.
 *
 * @example
 * initialScore(div, true) // 5
 */
export function initialScore(el: Element, weightClasses: boolean): number {
  const byTag: Record<string, number> = {
    div: 5,
    pre: 3,
    td: 3,
    blockquote: 3,
    address: -3,
    ol: -3,
    ul: -3,
    dl: -3,
    dd: -3,
    dt: -3,
    li: -3,
    form: -3,
    h1: -5,
    h2: -5,
    h3: -5,
    h4: -5,
    h5: -5,
    h6: -5,
    th: -5,
  }
  return (byTag[el.name] ?? 0) + (weightClasses ? classWeight(el) : 0)
}

// Text and inline elements directly in a div that also holds blocks: Readability wraps each
// such run in a paragraph of its own.
function inlineRuns(div: Element): string[] {
  const runs: string[] = []
  let current = ''
  for (const child of div.children) {
    if (isText(child)) current += child.data
    else if (isTag(child) && !isBlock(child)) current += ` ${textOf(child)} `
    else if (isTag(child)) {
      runs.push(collapse(current))
      current = ''
    }
  }
  runs.push(collapse(current))
  return runs.filter((run) => run !== '')
}

function isBlock(el: Element): boolean {
  return /^(address|article|aside|blockquote|dd|div|dl|dt|fieldset|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|ul)$/.test(
    el.name,
  )
}

// A section is scored like a div: as a paragraph only when it holds no blocks.
function isDivLike(el: Element): boolean {
  return el.name === 'div' || el.name === 'section'
}
