// Which prose lines appear in pages of other articles: teasers, tickers and "read more" lines.
import { NO_HASH, type LineHashes } from './line-hashes.js'

/**
 * The hashes under which a page's prose lines are recorded, to find the lines that pages of
 * several articles carry (teasers, tickers): `hashString(lineKey)` of each prose line, in page
 * order. Only prose lines count: headings repeat by accident.
 *
 * @example
 * proseLineHashes(hashLines(pageLines('Menu\nOil rose on Monday as supplies fell.'), seed)).length // 1
 */
export function proseLineHashes(hashes: LineHashes): Float64Array {
  return hashes.prose.filter((hash) => hash !== NO_HASH)
}
