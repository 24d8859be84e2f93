// Choose the element that holds the article, and gather the siblings that continue it.
import { Element, isTag } from 'domhandler'
import { classWeight } from './class-weight.js'
import { collapse, textOf } from './dom.js'
import { linkDensity, type NodeStats } from './node-stats.js'
import type { Scores } from './score-candidates.js'

const TOP_CANDIDATES = 5
// Readability: when three of the best five candidates share an ancestor, the article spans them.
const MIN_SHARED = 3

/**
 * A new `div` holding the best-scoring container and those of its siblings that look like more
 * of the same article (a score near the top one's, or a paragraph of prose with few links).
 * Falls back to `root` when nothing scored.
 *
 * @example
 * const article = pickArticle(body, scores, stats)
 */
export function pickArticle(
  root: Element,
  scores: Scores,
  stats: Map<Element, NodeStats>,
): Element {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES)
  const best = ranked[0]
  if (best === undefined) return wrap([root])
  let top = best[0]
  const topScore = best[1]

  const alternatives = ranked
    .slice(1)
    .filter(([, score]) => score / topScore >= 0.75)
    .map(([el]) => ancestorsOf(el, root))
  if (alternatives.length >= MIN_SHARED) {
    for (
      let node = parentElement(top);
      node !== null && node !== root;
      node = parentElement(node)
    ) {
      if (alternatives.filter((list) => list.includes(node as Element)).length >= MIN_SHARED) {
        top = node
        break
      }
    }
  }

  // Climb while a parent scores higher: the article may be split over several containers.
  let lastScore = scores.get(top) ?? 0
  const threshold = lastScore / 3
  for (
    let parent = parentElement(top);
    parent !== null && parent !== root;
    parent = parentElement(parent)
  ) {
    const score = scores.get(parent)
    if (score === undefined) continue
    if (score < threshold) break
    if (score > lastScore) {
      top = parent
      break
    }
    lastScore = score
  }
  for (
    let parent = parentElement(top);
    parent !== null && parent !== root;
    parent = parentElement(parent)
  ) {
    if (parent.children.filter(isTag).length !== 1) break
    top = parent
  }

  const parent = parentElement(top)
  if (parent === null) return wrap([top])
  const score = scores.get(top) ?? 0
  const siblingThreshold = Math.max(10, score * 0.2)
  const topClass = top.attribs['class'] ?? ''
  const kept = parent.children.filter(isTag).filter((sibling) => {
    if (sibling === top) return true
    const bonus = topClass !== '' && sibling.attribs['class'] === topClass ? score * 0.2 : 0
    if (scores.has(sibling) && (scores.get(sibling) ?? 0) + bonus >= siblingThreshold) return true
    if (sibling.name !== 'p') return false
    const density = linkDensity(stats.get(sibling))
    const text = collapse(textOf(sibling))
    if (text.length > 80) return density < 0.25
    return text.length > 0 && density === 0 && /\.( |$)/.test(text) && classWeight(sibling) >= 0
  })
  return wrap(kept)
}

function wrap(children: Element[]): Element {
  const article = new Element('div', {}, children)
  for (const child of children) child.parent = article
  return article
}

function parentElement(el: Element): Element | null {
  return el.parent !== null && isTag(el.parent) ? el.parent : null
}

function ancestorsOf(el: Element, root: Element): Element[] {
  const list: Element[] = []
  for (let node = parentElement(el); node !== null && node !== root; node = parentElement(node))
    list.push(node)
  return list
}
