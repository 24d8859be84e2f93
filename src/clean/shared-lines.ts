// Which prose lines appear in pages of other articles: teasers, tickers and "read more" lines.
import { hashString } from '../text/hash.js'
import type { PageLine } from './page-lines.js'

/**
 * The hashes under which a page's prose lines are recorded, to find the lines that pages of
 * several articles carry (teasers, tickers). Only prose lines count: headings repeat by accident.
 *
 * @example
 * proseLineHashes(pageLines('Menu\nOil rose on Monday as supplies fell.')).length // 1
 */
export function proseLineHashes(lines: readonly PageLine[]): number[] {
  return lines.filter((line) => line.prose).map((line) => hashString(line.key))
}
