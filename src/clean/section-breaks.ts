// Which template lines of a site end the article ("More from…") rather than interrupt it (adverts).
import { createHashCounts } from '../text/hash-counts.js'
import { hashString } from '../text/hash.js'
import { proseKeyHash, type LineHashes } from './line-hashes.js'
import type { PageLine } from './page-lines.js'
import type { RemovalRule } from './removal-rules.js'

/** What follows each of a site's template lines: the page's own prose, or other articles'. */
export interface SectionBreaks {
  /**
   * Record one page after a first cleaning: for each line marked `template`, whether the next
   * prose line also occurs in pages of other articles (asked with its `hashString(lineKey)`).
   * The page's hashes are seeded with its site's.
   */
  addPage(
    lines: readonly PageLine[],
    hashes: LineHashes,
    marks: readonly (RemovalRule | undefined)[],
    isSharedElsewhere: (keyHash: number) => boolean,
  ): void
  /** Record one sighting of a template line, by its {@link sectionBreakKey}. */
  observeKey(key: number, followedByShared: boolean): void
  /** The keys of every line the table calls a section break, to ship to worker threads. */
  breakKeys(): Float64Array
  /** True when, on this site, what follows the line is mostly other articles' text. */
  isSectionBreak(group: string, lineKey: string): boolean
}

/**
 * Each distinct template line of a page with the first prose line after it that is not
 * template too, as pairs: the template line's `sectionBreakKey` (its seeded hash), the prose
 * line's `hashString(lineKey)`. Template lines with no prose after them are left out.
 *
 * @example
 * templateFollowerKeys(page.lines, hashes, (i) => marks[i] === 'template') // [breakKey, proseKey, …]
 */
export function templateFollowerKeys(
  lines: readonly PageLine[],
  hashes: LineHashes,
  isTemplate: (line: number) => boolean,
): Float64Array {
  const pairs: number[] = []
  const seen = new Set<number>()
  lines.forEach((_, i) => {
    const key = hashes.seeded[i] ?? 0
    if (!isTemplate(i) || seen.has(key)) return
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]?.prose !== true || isTemplate(j)) continue
      seen.add(key)
      pairs.push(key, proseKeyHash(lines, hashes, j))
      return
    }
  })
  return Float64Array.from(pairs)
}

/** How sure the table must be before it calls a line a section break. */
export interface SectionBreakOptions {
  /** Pages on which the line was followed by prose. */
  minPages: number
  /** Share of those pages on which that prose also occurs in pages of other articles. */
  minShareShared: number
}

export const DEFAULT_SECTION_BREAK_OPTIONS: SectionBreakOptions = {
  minPages: 5,
  minShareShared: 0.3,
}

/**
 * Create the table. A heading the site prints after every article ("More from…", "Related", in
 * any language) is followed by teasers: headlines and ledes of other articles, which other pages
 * carry too. An advert marker between paragraphs is followed by the page's own next paragraph.
 * Counting which of the two follows a template line, over all of a site's pages, tells them apart.
 *
 * @example
 * const breaks = createSectionBreaks()
 * breaks.addPage(page.lines, hashLines(page.lines, hashString('coast.example')), marks, isShared)
 * breaks.isSectionBreak('coast.example', lineKey('More from the Coast')) // true
 */
export function createSectionBreaks(
  options: SectionBreakOptions = DEFAULT_SECTION_BREAK_OPTIONS,
): SectionBreaks {
  const followed = createHashCounts()
  const sharedFollowers = createHashCounts()
  const isBreak = (total: number, shared: number) =>
    shared >= options.minPages && shared >= options.minShareShared * total
  function observeKey(k: number, followedByShared: boolean): void {
    followed.add(k)
    if (followedByShared) sharedFollowers.add(k)
  }
  return {
    addPage(lines, hashes, marks, isSharedElsewhere) {
      const pairs = templateFollowerKeys(lines, hashes, (i) => marks[i] === 'template')
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        observeKey(pairs[i] ?? 0, isSharedElsewhere(pairs[i + 1] ?? 0))
      }
    },
    observeKey,
    isSectionBreak(group, lineKey) {
      const k = sectionBreakKey(group, lineKey)
      return isBreak(followed.get(k), sharedFollowers.get(k))
    },
    breakKeys() {
      const { keys, counts } = sharedFollowers.entries(options.minPages)
      return keys.filter((k, i) => isBreak(followed.get(k), counts[i] ?? 0))
    },
  }
}

/**
 * The key of a site's template line in the table: the line's hash seeded by the site's.
 *
 * @example
 * sectionBreakKey('coast.example', lineKey('More from the Coast'))
 */
export function sectionBreakKey(group: string, lineKey: string): number {
  return hashString(lineKey, hashString(group))
}
