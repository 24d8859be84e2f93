// Turn one page's text into its article: the headline, then each body paragraph once.
import type { CleaningContext } from './corpus-stats.js'
import {
  DEFAULT_BODY_OPTIONS,
  findBody,
  type BodyOptions,
  type LearntLines,
  type LineSpan,
} from './find-body.js'
import { DEFAULT_TITLE_OPTIONS, findTitle, type TitleOptions } from './find-title.js'
import { lineHashesOf, proseKeyHash, type LineHashes } from './line-hashes.js'
import { measurePage, type MeasuredPage, type PageLine } from './page-lines.js'
import {
  DEFAULT_REMOVAL_OPTIONS,
  markFurniture,
  type RemovalOptions,
  type RemovalRule,
} from './removal-rules.js'

/** All cleaning options. */
export interface CleanOptions {
  removal: RemovalOptions
  body: BodyOptions
  title: TitleOptions
}

export const DEFAULT_CLEAN_OPTIONS: CleanOptions = {
  removal: DEFAULT_REMOVAL_OPTIONS,
  body: DEFAULT_BODY_OPTIONS,
  title: DEFAULT_TITLE_OPTIONS,
}

/** A removed line and the rule that removed it. */
export interface RemovedLine {
  line: number
  text: string
  rule: RemovalRule
}

/** The cleaned page. */
export interface CleanedPage {
  /** Headline and paragraphs, one a line. */
  text: string
  /** Every non-empty input line that did not make it into `text`, in page order. */
  removed: RemovedLine[]
  /** The lines found to be the body, or undefined for a page without prose. */
  body?: LineSpan
}

/**
 * Clean one page: mark furniture line by line, find the body and the headline above it, and keep
 * only those. A page with no prose at all keeps every line not marked as furniture.
 *
 * @example
 * const stats = createCorpusStats()
 * cleanPage(pageText, stats.contextFor('example.com')).text
 */
export function cleanPage(
  text: string,
  context: CleaningContext,
  options: CleanOptions = DEFAULT_CLEAN_OPTIONS,
): CleanedPage {
  return cleanLines(measurePage(text), context, options)
}

/**
 * {@link cleanPage} for a page already measured by {@link measurePage}, so that a caller who
 * also counts the page splits and measures it once.
 *
 * @example
 * cleanLines(measurePage(pageText), stats.contextFor('example.com')).text
 */
export function cleanLines(
  page: MeasuredPage,
  context: CleaningContext,
  options: CleanOptions = DEFAULT_CLEAN_OPTIONS,
): CleanedPage {
  const { lines } = page
  const hashes = lineHashesOf(page, context.groupSeed)
  const weights = context.wordWeights(page.words)
  const marks = markFurniture(lines, context, options.removal, hashes)
  const body = findBody(lines, marks, weights, options.body, learntLines(lines, hashes, context))
  if (body !== undefined) {
    const title = findTitle(lines, marks, body, weights, options.title)
    for (const line of lines) {
      if (line.index === title) marks[line.index] = undefined
      else if (line.index < body.start) marks[line.index] ??= 'before_article'
      else if (line.index > body.end) marks[line.index] ??= 'after_article'
    }
  }
  const kept: string[] = []
  const removed: RemovedLine[] = []
  for (const line of lines) {
    const rule = marks[line.index]
    if (rule === undefined) kept.push(line.text)
    else removed.push({ line: line.index, text: line.text, rule })
  }
  return { text: kept.join('\n'), removed, ...(body === undefined ? {} : { body }) }
}

// The context's learnt-line tables, asked by line index with the lines' hashed keys.
function learntLines(
  lines: readonly PageLine[],
  hashes: LineHashes,
  { isSharedElsewhere, isSectionBreak }: CleaningContext,
): LearntLines {
  return {
    ...(isSharedElsewhere === undefined
      ? {}
      : { isSharedElsewhere: (i: number) => isSharedElsewhere(proseKeyHash(lines, hashes, i)) }),
    ...(isSectionBreak === undefined
      ? {}
      : { isSectionBreak: (i: number) => isSectionBreak(hashes.seeded[i] ?? 0) }),
  }
}
