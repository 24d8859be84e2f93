// What pages of one site (or of the whole corpus) have in common: line and word document counts.
import { hashString } from '../text/hash.js'
import { templateKeys } from './line-affixes.js'
import { pageLines, type PageLine } from './page-lines.js'

/** What cleaning one page may ask about the other pages. */
export interface CleaningContext {
  /** Pages of this page's site seen in all. */
  groupPages: number
  /** Pages of this page's site that contain a line, label prefix or suffix with this template key. */
  templateCount(templateKey: string): number
  /** Informativeness of a word for telling articles apart (inverse document frequency). */
  wordWeight(token: string): number
  /**
   * True when a line also occurs in pages of other articles (known after a first clustering);
   * absent on the first pass.
   */
  isSharedElsewhere?: (lineKey: string) => boolean
  /**
   * True for a template line that on this site ends the article rather than interrupts it
   * (known after a first cleaning pass); absent on the first pass.
   */
  isSectionBreak?: (lineKey: string) => boolean
}

/** Options for the cross-page statistics. */
export interface CorpusStatsOptions {
  /** Below this many pages in all, word weights fall back to word length (too few pages to count). */
  minPagesForIdf: number
}

export const DEFAULT_CORPUS_STATS_OPTIONS: CorpusStatsOptions = { minPagesForIdf: 50 }

/** Counts gathered over a corpus in one pass, then asked during cleaning. */
export interface CorpusStats {
  /** Count one page: every distinct template key once, every distinct word once. */
  addPage(group: string, text: string): void
  /** {@link CorpusStats.addPage} for a page already split by `pageLines`. */
  addLines(group: string, lines: readonly PageLine[]): void
  contextFor(group: string): CleaningContext
  readonly pages: number
}

/**
 * Create an empty statistics table. Keys are kept as 53-bit hashes, not strings, so memory grows
 * with the number of distinct lines, not with their length.
 *
 * @example
 * const stats = createCorpusStats()
 * stats.addPage('example.com', 'Menu\nStory one.')
 * stats.addPage('example.com', 'Menu\nStory two.')
 * stats.contextFor('example.com').templateCount('l menu') // 2
 */
export function createCorpusStats(options: Partial<CorpusStatsOptions> = {}): CorpusStats {
  const { minPagesForIdf } = { ...DEFAULT_CORPUS_STATS_OPTIONS, ...options }
  const groupPages = new Map<string, number>()
  const templateCounts = new Map<number, number>()
  const wordCounts = new Map<number, number>()
  let pages = 0

  // Weights are asked for far more often than pages are added: keep them until the next page.
  const weights = new Map<string, number>()

  function addLines(group: string, lines: readonly PageLine[]): void {
    pages++
    weights.clear()
    groupPages.set(group, (groupPages.get(group) ?? 0) + 1)
    const seed = hashString(group)
    const keys = new Set<number>()
    const words = new Set<string>()
    for (const line of lines) {
      for (const key of templateKeys(line.key, line.text)) keys.add(hashString(key, seed))
      for (const token of line.tokens) words.add(token)
    }
    for (const key of keys) templateCounts.set(key, (templateCounts.get(key) ?? 0) + 1)
    for (const word of words) {
      const key = hashString(word)
      wordCounts.set(key, (wordCounts.get(key) ?? 0) + 1)
    }
  }

  function wordWeight(token: string): number {
    let weight = weights.get(token)
    if (weight === undefined) {
      weight = computeWeight(token)
      weights.set(token, weight)
    }
    return weight
  }

  function computeWeight(token: string): number {
    // Numbers change between copies and say little about the topic.
    if (/^\d+$/.test(token)) return 0.1
    if (pages < minPagesForIdf) return token.length >= 4 ? 1 : 0.2
    const count = wordCounts.get(hashString(token)) ?? 0
    return Math.log((pages + 1) / (count + 1))
  }

  function contextFor(group: string): CleaningContext {
    const seed = hashString(group)
    return {
      groupPages: groupPages.get(group) ?? 0,
      templateCount: (templateKey) => templateCounts.get(hashString(templateKey, seed)) ?? 0,
      wordWeight,
    }
  }

  return {
    addPage: (group, text) => addLines(group, pageLines(text)),
    addLines,
    contextFor,
    get pages() {
      return pages
    },
  }
}
