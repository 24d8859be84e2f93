// Which template lines of a site end the article ("More from…") rather than interrupt it (adverts).
import { createHashCounts } from '../text/hash-counts.js'
import { hashString } from '../text/hash.js'
import type { PageLine } from './page-lines.js'
import type { RemovalRule } from './removal-rules.js'

/** What follows each of a site's template lines: the page's own prose, or other articles'. */
export interface SectionBreaks {
  /**
   * Record one page after a first cleaning: for each line the site's template marks, whether the
   * next prose line also occurs in pages of other articles.
   */
  addPage(
    group: string,
    lines: readonly PageLine[],
    marks: readonly (RemovalRule | undefined)[],
    isSharedElsewhere: (lineKey: string) => boolean,
  ): void
  /** Record one sighting of a template line and whether the prose after it is shared. */
  observe(group: string, lineKey: string, followedByShared: boolean): void
  /** {@link SectionBreaks.observe} for a line already hashed by {@link sectionBreakKey}. */
  observeKey(key: number, followedByShared: boolean): void
  /** The keys of every line the table calls a section break, to ship to worker threads. */
  breakKeys(): Float64Array
  /** True when, on this site, what follows the line is mostly other articles' text. */
  isSectionBreak(group: string, lineKey: string): boolean
}

/** A template line of a page and the first kept prose line after it. */
export interface TemplateFollower {
  lineKey: string
  nextKey: string
}

/**
 * Each distinct template line of a page (marked `template`) with the first unmarked prose line
 * after it; template lines with no prose after them are left out.
 *
 * @example
 * templateFollowers(lines, marks) // [{ lineKey: 'more from the coast', nextKey: 'teaser …' }]
 */
export function templateFollowers(
  lines: readonly PageLine[],
  marks: readonly (RemovalRule | undefined)[],
): TemplateFollower[] {
  const followers: TemplateFollower[] = []
  const seen = new Set<string>()
  lines.forEach((line, i) => {
    if (marks[i] !== 'template' || seen.has(line.key)) return
    for (let j = i + 1; j < lines.length; j++) {
      const later = lines[j]
      if (later === undefined || !later.prose || marks[j] !== undefined) continue
      seen.add(line.key)
      followers.push({ lineKey: line.key, nextKey: later.key })
      return
    }
  })
  return followers
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
 * breaks.addPage('coast.example', lines, marks, (key) => shared.isSharedElsewhere(key, article))
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
  function observe(group: string, lineKey: string, followedByShared: boolean): void {
    observeKey(sectionBreakKey(group, lineKey), followedByShared)
  }
  return {
    addPage(group, lines, marks, isSharedElsewhere) {
      for (const { lineKey, nextKey } of templateFollowers(lines, marks)) {
        observe(group, lineKey, isSharedElsewhere(nextKey))
      }
    },
    observe,
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
