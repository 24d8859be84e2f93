// Which prose lines appear in pages of other articles: teasers, tickers and "read more" lines.
import { hashString } from '../text/hash.js'
import type { PageLine } from './page-lines.js'

/** Lines seen per article, to tell an article's own text from text quoted from other articles. */
export interface SharedLines {
  /**
   * Record one page's prose lines, as {@link proseLineHashes} gives them, for the article
   * (cluster) `article`; hashes rather than lines, so pages need not be kept.
   */
  addHashes(hashes: Iterable<number>, article: number): void
  /** True when the line occurs in a page of an article other than `article`. */
  isSharedElsewhere(lineKey: string, article: number): boolean
}

/**
 * The hashes under which a page's prose lines are recorded.
 *
 * @example
 * proseLineHashes(pageLines('Menu\nOil rose on Monday as supplies fell.')).length // 1
 */
export function proseLineHashes(lines: readonly PageLine[]): number[] {
  return lines.filter((line) => line.prose).map((line) => hashString(line.key))
}

// Remembering two articles per line is enough to tell "only mine" from "someone else's too".
const ARTICLES_PER_LINE = 2

/**
 * Create the table. Only prose lines are kept (headings repeat by accident), as 53-bit hashes.
 *
 * @example
 * const shared = createSharedLines()
 * shared.addHashes(proseLineHashes(pageLines('Oil rose on Monday as supplies fell.')), 1)
 * shared.isSharedElsewhere(lineKey('Oil rose on Monday as supplies fell.'), 2) // true
 */
export function createSharedLines(): SharedLines {
  const articlesByLine = new Map<number, number[]>()
  function addHashes(hashes: Iterable<number>, article: number): void {
    for (const key of hashes) {
      const articles = articlesByLine.get(key)
      if (articles === undefined) articlesByLine.set(key, [article])
      else if (articles.length < ARTICLES_PER_LINE && !articles.includes(article))
        articles.push(article)
    }
  }
  return {
    addHashes,
    isSharedElsewhere(lineKey, article) {
      const articles = articlesByLine.get(hashString(lineKey))
      return articles !== undefined && articles.some((other) => other !== article)
    },
  }
}
