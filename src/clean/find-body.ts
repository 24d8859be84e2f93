// Locate the article body: the densest run of prose on the page that stays on one topic.
import type { PageLine } from './page-lines.js'
import type { RemovalRule } from './removal-rules.js'
import { addWords, createVocabulary, mutualOverlap } from './topic-overlap.js'

/** Options for finding the body. */
export interface BodyOptions {
  /** Cost of a short line (heading, label, button) inside the body, in words of prose. */
  shortLinePenalty: number
  /** Cost of a line already marked as furniture inside the body (an advert marker between paragraphs). */
  furniturePenalty: number
  /** A block of prose after a heading sharing less of its vocabulary than this with the rest of the body is off topic. */
  minTopicOverlap: number
  /** The same for a block that follows only furniture, such as an advert marker. */
  minContinuationOverlap: number
  /** Lines above the body that count as its headline area for the topic vocabulary. */
  headLines: number
}

export const DEFAULT_BODY_OPTIONS: BodyOptions = {
  shortLinePenalty: 12,
  furniturePenalty: 1,
  minTopicOverlap: 0.25,
  minContinuationOverlap: 0.05,
  headLines: 8,
}

/** An inclusive range of line indexes. */
export interface LineSpan {
  start: number
  end: number
}

/**
 * What the caller knows of a page's lines from other pages, by line index: whether a line
 * occurs in pages of other articles, and whether it is a section break of the page's site.
 */
export interface LearntLines {
  isSharedElsewhere?: (line: number) => boolean
  isSectionBreak?: (line: number) => boolean
}

/**
 * Find the body: the span with the highest total score, where prose lines score their word count
 * and short lines cost a penalty (the maximum-subarray idea of body text extraction). A second
 * pass follows the span block by block (runs of prose between short lines) and turns every block
 * that shares too little vocabulary with the article so far into a cost: that cuts off teaser
 * blocks of other articles after the body while adverts between paragraphs stay harmless. When
 * the caller knows which lines occur in pages of other articles, such blocks are cut as well.
 * Undefined when the page has no prose.
 *
 * @example
 * findBody(page.lines, marks, context.wordWeights(page.words), DEFAULT_BODY_OPTIONS, {}) // { start: 3, end: 9 }
 */
export function findBody(
  lines: readonly PageLine[],
  marks: readonly (RemovalRule | undefined)[],
  weights: Float64Array,
  options: BodyOptions,
  { isSharedElsewhere, isSectionBreak }: LearntLines,
): LineSpan | undefined {
  const scores = lines.map((line) => lineScore(line, marks[line.index], options, isSectionBreak))
  if (isSectionBreak !== undefined) {
    // Past a section break that follows the page's own prose, nothing belongs to the article.
    const end = articleEnd(lines, marks, isSectionBreak, isSharedElsewhere)
    for (let i = end; i < scores.length; i++) scores[i] = -Math.abs(scores[i] ?? 0)
  }
  const first = maxSubarray(scores)
  if (first === undefined) return undefined
  for (const block of offTopicBlocks(lines, scores, first, weights, options, isSharedElsewhere)) {
    for (const i of block) scores[i] = -(scores[i] ?? 0) / 2
  }
  return maxSubarray(scores) ?? first
}

// The index of the first section break after a prose line of the page's own (one that no page of
// another article carries), or the number of lines when there is none.
function articleEnd(
  lines: readonly PageLine[],
  marks: readonly (RemovalRule | undefined)[],
  isSectionBreak: (line: number) => boolean,
  isSharedElsewhere: ((line: number) => boolean) | undefined,
): number {
  let ownProse = false
  for (const line of lines) {
    if (marks[line.index] === undefined) {
      if (line.prose && isSharedElsewhere?.(line.index) !== true) ownProse = true
    } else if (ownProse && isSectionBreak(line.index)) {
      return line.index
    }
  }
  return lines.length
}

function lineScore(
  line: PageLine,
  mark: RemovalRule | undefined,
  options: BodyOptions,
  isSectionBreak: ((line: number) => boolean) | undefined,
): number {
  // A section break costs as much as a heading: a teaser block after it must earn its place.
  if (mark !== undefined) {
    return isSectionBreak?.(line.index) === true
      ? -options.shortLinePenalty
      : -options.furniturePenalty
  }
  return line.prose ? line.tokens.length : -options.shortLinePenalty
}

const NO_TOKENS: readonly number[] = []

// Split the span into blocks of consecutive prose lines. A later block that follows only
// furniture (an advert marker, a "Read more:" line) continues the article unless it shares almost
// nothing with it; one that follows a heading of its own (a teaser's headline, a "More from" line
// the site does not repeat, a section break) must share clearly more.
function offTopicBlocks(
  lines: readonly PageLine[],
  scores: readonly number[],
  span: LineSpan,
  weights: Float64Array,
  options: BodyOptions,
  isSharedElsewhere: ((line: number) => boolean) | undefined,
): number[][] {
  const blocks: { lines: number[]; afterHeading: boolean }[] = []
  let current: number[] = []
  let afterHeading = false
  for (let i = span.start; i <= span.end; i++) {
    const score = scores[i] ?? 0
    if (score > 0) {
      current.push(i)
      continue
    }
    if (current.length > 0) {
      blocks.push({ lines: current, afterHeading })
      current = []
      afterHeading = false
    }
    if (score === -options.shortLinePenalty) afterHeading = true
  }
  if (current.length > 0) blocks.push({ lines: current, afterHeading })
  if (blocks.length === 0) return []
  // The largest block anchors the article; the others are judged outward from it, so a headline
  // mistaken for prose above the body cannot become the yardstick.
  const anchor = blocks.reduce((best, block) =>
    block.lines.length > best.lines.length ? block : best,
  )
  const at = blocks.indexOf(anchor)
  const order = [...blocks.slice(at + 1), ...blocks.slice(0, at).reverse()]
  const vocabulary = createVocabulary(weights.length)
  const tokensOf = (i: number) => lines[i]?.tokens ?? NO_TOKENS
  for (let i = Math.max(0, span.start - options.headLines); i < span.start; i++) {
    addWords(vocabulary, tokensOf(i), weights)
  }
  for (const i of anchor.lines) addWords(vocabulary, tokensOf(i), weights)
  const offTopic: number[][] = []
  for (const block of order) {
    const tokens = block.lines.map(tokensOf)
    const needed = block.afterHeading ? options.minTopicOverlap : options.minContinuationOverlap
    const quoted =
      isSharedElsewhere !== undefined && isMostlyShared(lines, block.lines, isSharedElsewhere)
    if (quoted || mutualOverlap(tokens, vocabulary, weights) < needed) {
      offTopic.push(block.lines)
      continue
    }
    for (const lineTokens of tokens) addWords(vocabulary, lineTokens, weights)
  }
  return offTopic
}

// A block whose prose, by words, mostly occurs in pages of other articles is quoted from them.
function isMostlyShared(
  lines: readonly PageLine[],
  block: readonly number[],
  isSharedElsewhere: (line: number) => boolean,
): boolean {
  let shared = 0
  let total = 0
  for (const i of block) {
    const line = lines[i]
    if (line === undefined) continue
    total += line.tokens.length
    if (isSharedElsewhere(i)) shared += line.tokens.length
  }
  return shared * 2 > total
}

/** Kadane's maximum-sum contiguous subarray; undefined when every score is <= 0. Ties: earliest. */
export function maxSubarray(scores: readonly number[]): LineSpan | undefined {
  let best: LineSpan | undefined
  let bestSum = 0
  let sum = 0
  let start = 0
  scores.forEach((score, i) => {
    if (sum <= 0) {
      sum = 0
      start = i
    }
    sum += score
    if (sum > bestSum) {
      bestSum = sum
      best = { start, end: i }
    }
  })
  return best
}
