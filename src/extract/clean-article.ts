// Clean the chosen article: drop blocks that are mostly links, images, form fields or teasers.
import type { Element } from 'domhandler'
import { classWeight } from './class-weight.js'
import { classAndId, descendants, detach, hasAncestor, textOf } from './dom.js'
import { linkDensity, measure, subtractFromAncestors, type NodeStats } from './node-stats.js'

const CONDITIONAL = new Set(['form', 'fieldset', 'table', 'ul', 'ol', 'div', 'section', 'header'])
const CAPTION = /caption|credit/
const LINE_TAGS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6'])
const AD_WORDS = /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$/iu
const LOADING_WORDS = /^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu

/**
 * Clean `article` in place. With `conditional`, each list, table, form and div (innermost
 * first) is weighed: it goes when its class names furniture, or when it has more links, images,
 * list items or fields than its prose can carry.
 *
 * @example
 * cleanArticle(article, { conditional: true, weightClasses: true })
 */
export function cleanArticle(
  article: Element,
  options: { conditional: boolean; weightClasses: boolean },
): void {
  const all = [...descendants(article)]
  for (const el of all) {
    const names = classAndId(el)
    const furnitureHeading = /^h[12]$/.test(el.name) && options.weightClasses && classWeight(el) < 0
    const shareBox = /share|sharedaddy/.test(names) && textOf(el).length < 500
    // Pictures and their captions and credits describe the article's images, not its text.
    const picture = el.name === 'figure' || el.name === 'figcaption' || CAPTION.test(names)
    if (furnitureHeading || shareBox || picture) detach(el)
  }
  if (!options.conditional) return
  const stats = measure(article)
  dropLinkParagraphs(article, stats)
  const candidates = [...descendants(article)].filter((el) => CONDITIONAL.has(el.name))
  // Innermost first, so that a container is judged on what is left inside it.
  for (let i = candidates.length - 1; i >= 0; i--) {
    const el = candidates[i] as Element
    if (el.parent === null) continue
    if (shouldRemove(el, stats.get(el), options.weightClasses)) {
      subtractFromAncestors(stats, el, article)
      detach(el)
    }
  }
}

// A short paragraph that is nothing but a link is a pointer elsewhere ("Read more: …"), not
// prose. When such paragraphs would be most of the article, the article is a list of links by
// design (an index, a link roundup) and they stay.
function dropLinkParagraphs(article: Element, stats: Map<Element, NodeStats>): void {
  const links = [...descendants(article)].filter((el) => {
    const own = stats.get(el)
    if (own === undefined || !LINE_TAGS.has(el.name) || own.hasBlock) return false
    return own.chars > 0 && own.chars < 200 && linkDensity(own) > 0.75
  })
  const linkChars = links.reduce((sum, el) => sum + (stats.get(el)?.chars ?? 0), 0)
  if (linkChars > 0.5 * (stats.get(article)?.chars ?? 0)) return
  for (const el of links) {
    subtractFromAncestors(stats, el, article)
    detach(el)
  }
}

function shouldRemove(el: Element, stats: NodeStats | undefined, weightClasses: boolean): boolean {
  if (stats === undefined) return false
  if (el.name === 'table' && isDataTable(el)) return false
  if (hasAncestor(el, 'table') || hasAncestor(el, 'code') || hasAncestor(el, 'pre')) return false
  if (el.name === 'div' && !stats.hasBlock) return false
  const weight = weightClasses ? classWeight(el) : 0
  if (weight < 0) return true
  if (stats.commas >= 10) return false

  const text = textOf(el)
  if (AD_WORDS.test(text) || LOADING_WORDS.test(text)) return true
  const isList = el.name === 'ul' || el.name === 'ol' || listShare(el, stats) > 0.9
  const inFigure = hasAncestor(el, 'figure')
  const p = stats.paragraphs
  const img = stats.images
  const density = linkDensity(stats)
  const headingDensity = stats.chars === 0 ? 0 : stats.headingChars / stats.chars
  const remove =
    (!inFigure && img > 1 && p / img < 0.5) ||
    (!isList && stats.listItems - 100 > p) ||
    stats.inputs > Math.floor(p / 3) ||
    (!isList &&
      !inFigure &&
      headingDensity < 0.9 &&
      text.length < 25 &&
      (img === 0 || img > 2) &&
      density > 0) ||
    (!isList && weight < 25 && density > 0.2) ||
    (weight >= 25 && density > 0.5) ||
    // A list that is mostly links is a menu or a teaser list, whatever its class says.
    (isList && density > 0.5 && stats.chars / Math.max(1, stats.listItems) < 80) ||
    (stats.embeds === 1 && text.length < 75) ||
    stats.embeds > 1
  // An image gallery in a list stays.
  if (isList && remove && img > 0 && img === stats.listItems) return false
  return remove
}

function listShare(el: Element, stats: NodeStats): number {
  if (stats.chars === 0) return 0
  let listChars = 0
  for (const child of descendants(el)) if (child.name === 'li') listChars += textOf(child).length
  return listChars / stats.chars
}

// Tables of data (headers, a caption, or many cells) are content, not layout.
function isDataTable(table: Element): boolean {
  if (table.attribs['role'] === 'presentation' || table.attribs['datatable'] === '0') return false
  if (table.attribs['summary'] !== undefined) return true
  let rows = 0
  let cells = 0
  for (const el of descendants(table)) {
    if (['caption', 'thead', 'tfoot', 'colgroup', 'col', 'th'].includes(el.name)) return true
    if (el.name === 'table') return false
    if (el.name === 'tr') rows++
    if (el.name === 'td') cells++
  }
  return rows >= 10 || cells > 10
}
