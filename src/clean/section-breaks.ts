// Which template lines of a site end the article ("More from…") rather than interrupt it (adverts).
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
  /** True when, on this site, what follows the line is mostly other articles' text. */
  isSectionBreak(group: string, lineKey: string): boolean
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
  const followed = new Map<number, number>()
  const followedByShared = new Map<number, number>()
  const key = (group: string, lineKey: string) => hashString(lineKey, hashString(group))
  return {
    addPage(group, lines, marks, isSharedElsewhere) {
      const seen = new Set<number>()
      lines.forEach((line, i) => {
        if (marks[i] !== 'template') return
        let next: PageLine | undefined
        for (let j = i + 1; j < lines.length && next === undefined; j++) {
          const later = lines[j]
          if (later !== undefined && later.prose && marks[j] === undefined) next = later
        }
        const k = key(group, line.key)
        if (next === undefined || seen.has(k)) return
        seen.add(k)
        followed.set(k, (followed.get(k) ?? 0) + 1)
        if (isSharedElsewhere(next.key)) followedByShared.set(k, (followedByShared.get(k) ?? 0) + 1)
      })
    },
    isSectionBreak(group, lineKey) {
      const k = key(group, lineKey)
      const total = followed.get(k) ?? 0
      const shared = followedByShared.get(k) ?? 0
      return shared >= options.minPages && shared >= options.minShareShared * total
    },
  }
}
