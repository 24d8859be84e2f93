// Across pages: lines a site prints on many of its pages are its template, even when they sit
// inside the element extraction chose (a newsletter prompt, a standard tip line, an "About us").
import { DEFAULT_REMOVAL_OPTIONS } from '../clean/removal-rules.js'
import { lineKey } from '../text/normalize.js'

/** A page's extracted text and the site it came from (unknown for a bare file). */
export interface SitePage {
  site?: string
  text: string
}

/**
 * The texts of `pages` without the lines that occur on `minPages` or more distinct pages of the
 * same site (lines compared normalised, case-folded and with digits masked, as cleaning does;
 * byte-identical recaptures count once). Pages without a site are returned unchanged.
 *
 * @example
 * dropSiteBoilerplate(pages).map((text, i) => ({ ...pages[i], text }))
 */
export function dropSiteBoilerplate(
  pages: readonly SitePage[],
  minPages = DEFAULT_REMOVAL_OPTIONS.templateMinPages,
): string[] {
  const counts = new Map<string, Map<string, number>>()
  const counted = new Set<string>()
  for (const page of pages) {
    if (page.site === undefined || counted.has(page.text)) continue
    counted.add(page.text)
    const site = counts.get(page.site) ?? new Map<string, number>()
    counts.set(page.site, site)
    for (const key of new Set(page.text.split('\n').map(lineKey))) {
      if (key !== '') site.set(key, (site.get(key) ?? 0) + 1)
    }
  }
  return pages.map((page) => {
    const site = page.site === undefined ? undefined : counts.get(page.site)
    if (site === undefined) return page.text
    return page.text
      .split('\n')
      .filter((line) => (site.get(lineKey(line)) ?? 0) < minPages)
      .join('\n')
  })
}
