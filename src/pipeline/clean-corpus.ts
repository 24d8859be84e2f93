// Clean every page of a corpus in two passes, keeping only compact facts about each page between them.
import { cleanLines, type CleanedPage } from '../clean/clean-page.js'
import { createCorpusStats, type CleaningContext, type CorpusStats } from '../clean/corpus-stats.js'
import { pageLines } from '../clean/page-lines.js'
import type { RemovalRule } from '../clean/removal-rules.js'
import {
  createSectionBreaks,
  templateFollowers,
  type TemplateFollower,
} from '../clean/section-breaks.js'
import { createSharedLines, proseLineHashes } from '../clean/shared-lines.js'
import type { InputDocument } from '../types.js'
import { clusterDocuments, type ClusterOptions } from './cluster-documents.js'
import { signText, type SignOptions } from './sign-text.js'
import { PROGRESS_EVERY, type Progress } from './progress.js'
import { siteOf } from './site-of.js'

/** What the first pass remembers of a page until the second: hashes and keys, not its lines. */
interface FirstPassFacts {
  proseHashes: number[]
  followers: TemplateFollower[]
}

/**
 * Clean a corpus. The first pass cleans against the sites' template statistics and clusters the
 * result; from that it learns which prose lines pages share with other articles (teasers) and
 * which template lines end a site's articles (section breaks). The second pass cleans again with
 * both. Pages are split into lines afresh in each pass, so memory holds texts and a few hashes per
 * page, not every page's measured lines. `keepRemoved` keeps the removed lines for `--removed`.
 *
 * @example
 * const pages = cleanCorpus(documents, { ...DEFAULT_DEDUP_OPTIONS }, false)
 */
export function cleanCorpus(
  documents: readonly InputDocument[],
  options: ClusterOptions & SignOptions,
  keepRemoved: boolean,
  onProgress?: (progress: Progress) => void,
): CleanedPage[] {
  const report = (stage: Progress['stage'], done: number) => {
    if (done % PROGRESS_EVERY === 0) onProgress?.({ stage, done, total: documents.length })
  }
  const stats = templateStats(documents)
  const facts: FirstPassFacts[] = []
  const firstSigned = documents.map((doc, i) => {
    report('first pass', i)
    const lines = pageLines(doc.text)
    const page = cleanLines(lines, stats.contextFor(siteOf(doc)))
    facts.push({
      proseHashes: proseLineHashes(lines),
      followers: templateFollowers(lines, templateMarks(lines.length, page)),
    })
    return signText(page.text, options)
  })
  const clusters = clusterDocuments(firstSigned, options)
  const articleOf = (i: number) => clusters[i]?.canonical ?? i

  const shared = createSharedLines()
  facts.forEach((fact, i) => shared.addHashes(fact.proseHashes, articleOf(i)))
  const breaks = createSectionBreaks()
  documents.forEach((doc, i) => {
    for (const { lineKey, nextKey } of facts[i]?.followers ?? []) {
      breaks.observe(siteOf(doc), lineKey, shared.isSharedElsewhere(nextKey, articleOf(i)))
    }
  })

  return documents.map((doc, i) => {
    report('second pass', i)
    const site = siteOf(doc)
    const context: CleaningContext = {
      ...stats.contextFor(site),
      isSharedElsewhere: (key) => shared.isSharedElsewhere(key, articleOf(i)),
      isSectionBreak: (key) => breaks.isSectionBreak(site, key),
    }
    const page = cleanLines(pageLines(doc.text), context)
    return keepRemoved ? page : { text: page.text, removed: [] }
  })
}

// Template statistics come from every distinct page once: byte-identical recaptures would
// otherwise make an article's own paragraphs look like site template.
function templateStats(documents: readonly InputDocument[]): CorpusStats {
  const stats = createCorpusStats()
  const counted = new Set<string>()
  for (const doc of documents) {
    if (counted.has(doc.text)) continue
    counted.add(doc.text)
    stats.addLines(siteOf(doc), pageLines(doc.text))
  }
  return stats
}

// The first pass's template marks by line, from its list of removed lines.
function templateMarks(lineCount: number, page: CleanedPage): (RemovalRule | undefined)[] {
  const marks: (RemovalRule | undefined)[] = new Array<RemovalRule | undefined>(lineCount).fill(
    undefined,
  )
  for (const removed of page.removed)
    if (removed.rule === 'template') marks[removed.line] = 'template'
  return marks
}
