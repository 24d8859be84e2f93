// Pick the headline: the heading-like line above the body that best names what the body is about.
import type { LineSpan } from './find-body.js'
import type { PageLine } from './page-lines.js'
import type { RemovalRule } from './removal-rules.js'
import { topicOverlap, vocabularyOf } from './topic-overlap.js'

/** Options for finding the headline. */
export interface TitleOptions {
  /** How many lines above the body to search. */
  searchLines: number
  /** A headline shares at least this share of its vocabulary with the opening of the body. */
  minTopicOverlap: number
  /** Body lines that stand for the article's topic. */
  bodyLinesForTopic: number
  maxWords: number
}

export const DEFAULT_TITLE_OPTIONS: TitleOptions = {
  searchLines: 15,
  minTopicOverlap: 0.1,
  bodyLinesForTopic: 3,
  maxWords: 30,
}

// Marks that still allow a line to be the headline: pages print headlines twice, and a
// browser-title line only shows that the bare headline is there too.
const TITLE_MAY_BE: ReadonlySet<RemovalRule | undefined> = new Set([undefined, 'repeated'])

/**
 * The index of the headline above the body, or undefined when no line qualifies. Candidates are
 * short lines without a closing full stop (captions end with one) within reach above the body;
 * the one sharing most of its words with the body's opening wins, the nearest on a tie.
 *
 * @example
 * findTitle(page.lines, marks, body, context.wordWeights(page.words), DEFAULT_TITLE_OPTIONS) // 2
 */
export function findTitle(
  lines: readonly PageLine[],
  marks: readonly (RemovalRule | undefined)[],
  body: LineSpan,
  weights: Float64Array,
  options: TitleOptions,
): number | undefined {
  const opening = lines
    .slice(body.start, body.end + 1)
    .filter((line) => line.prose && marks[line.index] === undefined)
    .slice(0, options.bodyLinesForTopic)
    .map((line) => line.tokens)
  const vocabulary = vocabularyOf(opening, weights.length)
  let best: number | undefined
  let bestScore = options.minTopicOverlap
  for (let i = body.start - 1; i >= Math.max(0, body.start - options.searchLines); i--) {
    const line = lines[i]
    if (line === undefined || !TITLE_MAY_BE.has(marks[i]) || !looksLikeHeadline(line, options))
      continue
    const score = topicOverlap([line.tokens], vocabulary, weights)
    if (score > bestScore) {
      bestScore = score
      best = i
    }
  }
  return best
}

function looksLikeHeadline(line: PageLine, options: TitleOptions): boolean {
  const words = line.tokens.length
  return words >= 2 && words <= options.maxWords && !/\.["')\]]*$/.test(line.text)
}
