// What pages of one site (or of the whole corpus) have in common: line and word document counts.
import { createHashCounts, type CountEntries, type HashCounts } from '../text/hash-counts.js'
import { hashString } from '../text/hash.js'
import { lineHashesOf, NO_HASH } from './line-hashes.js'
import { measurePage, type MeasuredPage } from './page-lines.js'
import type { PageWords } from './word-table.js'

/** What cleaning one page may ask about the other pages. */
export interface CleaningContext {
  /** Pages of this page's site seen in all. */
  groupPages: number
  /** The site's seed for template keys: see `templateKeyHash`. */
  groupSeed: number
  /**
   * Pages of this page's site that contain a line, label prefix, suffix or shape with this
   * template key, given as its hash with {@link CleaningContext.groupSeed}.
   */
  templateCount(templateKeyHash: number): number
  /**
   * Informativeness of each of a page's words for telling articles apart (inverse document
   * frequency), by word number.
   */
  wordWeights(words: PageWords): Float64Array
  /**
   * True when a line also occurs in pages of other articles (known after a first clustering);
   * absent on the first pass. Asked with the line's `hashString(lineKey)`.
   */
  isSharedElsewhere?: (keyHash: number) => boolean
  /**
   * True for a template line that on this site ends the article rather than interrupts it
   * (known after a first cleaning pass); absent on the first pass. Asked with the line's
   * `hashString(lineKey, groupSeed)`, its `sectionBreakKey`.
   */
  isSectionBreak?: (seededKeyHash: number) => boolean
}

/** Options for the cross-page statistics. */
export interface CorpusStatsOptions {
  /** Below this many pages in all, word weights fall back to word length (too few pages to count). */
  minPagesForIdf: number
  /**
   * Above this many distinct template keys (or words), keys seen on one page only are dropped,
   * which bounds memory on corpora of millions of pages. A key dropped this way restarts its
   * count, so a line can be undercounted by the number of such prunings; template lines recur on
   * most of a site's pages and stay far above the template threshold.
   */
  maxKeys: number
}

export const DEFAULT_CORPUS_STATS_OPTIONS: CorpusStatsOptions = {
  minPagesForIdf: 50,
  maxKeys: 8_000_000,
}

/** One page's contribution to the statistics: the hashes of its distinct keys and words. */
export interface PageFacts {
  group: string
  /** Template keys, hashed with the group as seed. */
  templateKeys: Float64Array
  words: Float64Array
}

/**
 * The hashes a page adds to the statistics; pure, so worker threads compute it.
 *
 * @example
 * pageFacts('example.com', measurePage('Menu\nStory one.')).templateKeys.length // 2
 */
export function pageFacts(group: string, page: MeasuredPage): PageFacts {
  const hashes = lineHashesOf(page, hashString(group))
  const keys = new Set<number>()
  // Each line's template keys, those it has: the whole line, its shape, label and suffix.
  for (let i = 0; i < page.lines.length; i++) {
    for (const key of [hashes.line[i], hashes.shape[i], hashes.label[i], hashes.suffix[i]]) {
      if (key !== undefined && key !== NO_HASH) keys.add(key)
    }
  }
  const templateKeys = new Float64Array(keys.size)
  let i = 0
  for (const key of keys) templateKeys[i++] = key
  // The words are copied, so that the facts own their array whatever is done with the page.
  return { group, templateKeys, words: page.words.hashes.slice() }
}

/**
 * The statistics as plain arrays, to be shipped to worker threads. Template keys seen on one
 * page only are left out: the rules ask whether a key reaches a count of several pages.
 */
export interface StatsTables {
  pages: number
  groupPages: [string, number][]
  templates: CountEntries
  words: CountEntries
}

/** Counts gathered over a corpus in one pass, then asked during cleaning. */
export interface CorpusStats {
  /** Count one page: every distinct template key once, every distinct word once. */
  addPage(group: string, text: string): void
  /** {@link CorpusStats.addPage} for a page's facts, computed elsewhere by {@link pageFacts}. */
  addFacts(facts: PageFacts): void
  contextFor(group: string): CleaningContext
  tables(): StatsTables
  readonly pages: number
}

/**
 * Create a statistics table, empty or continuing the counts of `from` (an index's). Keys are
 * kept as 53-bit hashes, not strings, so memory grows with the number of distinct lines, not
 * with their length.
 *
 * @example
 * const stats = createCorpusStats()
 * stats.addPage('example.com', 'Menu\nStory one.')
 * stats.addPage('example.com', 'Menu\nStory two.')
 * const context = stats.contextFor('example.com')
 * context.templateCount(hashPrefixed('l ', 'menu', context.groupSeed)) // 2
 */
export function createCorpusStats(
  options: Partial<CorpusStatsOptions> = {},
  from?: StatsTables,
): CorpusStats {
  const settings = { ...DEFAULT_CORPUS_STATS_OPTIONS, ...options }
  const groupPages = new Map<string, number>(from?.groupPages)
  const templateCounts = createHashCounts(from?.templates)
  const wordCounts = createHashCounts(from?.words)
  let pages = from?.pages ?? 0
  const boundTemplates = createBound(templateCounts, settings.maxKeys)
  const boundWords = createBound(wordCounts, settings.maxKeys)

  function addFacts(facts: PageFacts): void {
    pages++
    groupPages.set(facts.group, (groupPages.get(facts.group) ?? 0) + 1)
    for (const key of facts.templateKeys) templateCounts.add(key)
    for (const word of facts.words) wordCounts.add(word)
    boundTemplates()
    boundWords()
  }

  const lookups = {
    pages: () => pages,
    groupPages: (group: string) => groupPages.get(group) ?? 0,
    templateCount: (key: number) => templateCounts.get(key),
    wordCount: (key: number) => wordCounts.get(key),
  }
  return {
    addPage: (group, text) => addFacts(pageFacts(group, measurePage(text))),
    addFacts,
    contextFor: (group) => contextOf(group, lookups, settings),
    tables: () => ({
      pages,
      groupPages: [...groupPages],
      templates: templateCounts.entries(2),
      words: wordCounts.entries(),
    }),
    get pages() {
      return pages
    },
  }
}

// Keep a table near `maxKeys` by dropping keys seen once. Should most keys have been seen
// twice or more, the bound doubles instead of pruning again after every page.
function createBound(table: HashCounts, maxKeys: number): () => void {
  let bound = maxKeys
  return () => {
    if (table.size <= bound) return
    table.prune(2)
    if (table.size > bound / 2) bound *= 2
  }
}

/** Cleaning contexts over shipped statistics (in a worker thread). */
export interface FrozenStats {
  contextFor(group: string): CleaningContext
}

/**
 * Cleaning contexts over {@link StatsTables}: what a worker thread cleans with.
 *
 * @example
 * const frozen = createFrozenStats(stats.tables())
 * frozen.contextFor('example.com').groupPages // as stats.contextFor would say
 */
export function createFrozenStats(
  tables: StatsTables,
  options: Partial<CorpusStatsOptions> = {},
): FrozenStats {
  const settings = { ...DEFAULT_CORPUS_STATS_OPTIONS, ...options }
  const groupPages = new Map(tables.groupPages)
  const templateCounts = createHashCounts(tables.templates)
  const wordCounts = createHashCounts(tables.words)
  const lookups = {
    pages: () => tables.pages,
    groupPages: (group: string) => groupPages.get(group) ?? 0,
    templateCount: (key: number) => templateCounts.get(key),
    wordCount: (key: number) => wordCounts.get(key),
  }
  return { contextFor: (group) => contextOf(group, lookups, settings) }
}

interface Lookups {
  pages(): number
  groupPages(group: string): number
  templateCount(key: number): number
  wordCount(key: number): number
}

function contextOf(group: string, lookups: Lookups, settings: CorpusStatsOptions): CleaningContext {
  const seed = hashString(group)
  return {
    groupPages: lookups.groupPages(group),
    groupSeed: seed,
    templateCount: lookups.templateCount,
    wordWeights(words) {
      const weights = new Float64Array(words.hashes.length)
      for (let i = 0; i < weights.length; i++) weights[i] = weightOf(words, i, lookups, settings)
      return weights
    },
  }
}

function weightOf(
  words: PageWords,
  i: number,
  lookups: Lookups,
  settings: CorpusStatsOptions,
): number {
  // Numbers change between copies and say little about the topic.
  if (words.numeric[i] === 1) return 0.1
  const pages = lookups.pages()
  if (pages < settings.minPagesForIdf) return (words.lengths[i] ?? 0) >= 4 ? 1 : 0.2
  const count = lookups.wordCount(words.hashes[i] ?? 0)
  return Math.log((pages + 1) / (count + 1))
}
