// The per-page work of a run, as plain data in and out, so it runs alike in a worker or in-process.
import { cleanLines, type CleanedPage, type RemovedLine } from '../clean/clean-page.js'
import {
  createFrozenStats,
  pageFacts,
  type CleaningContext,
  type FrozenStats,
  type PageFacts,
  type StatsTables,
} from '../clean/corpus-stats.js'
import { lineHashesOf, type LineHashes } from '../clean/line-hashes.js'
import { templateFollowerKeys } from '../clean/section-breaks.js'
import { decodePage, encodePage, type PageDigest } from '../clean/page-digest.js'
import { measurePage, type MeasuredPage, type PageLine } from '../clean/page-lines.js'
import { proseLineHashes } from '../clean/shared-lines.js'
import { bandHashes } from '../dedup/lsh.js'
import { signText, type SignOptions } from '../dedup/sign-text.js'
import { extractPage, type ExtractedPage } from '../extract/extract-page.js'
import { createHashCounts, type HashCounts } from '../text/hash-counts.js'
import type { InputDocument, Reject } from '../types.js'
import { hashString } from '../text/hash.js'

/** A page as sent to the per-page work: its text and the site whose statistics clean it. */
export interface PageInput {
  text: string
  site: string
  /**
   * A document to extract first (the extract and scan stages): an HTML page becomes its article,
   * a text document passes as it is. `text` is then unused.
   */
  html?: InputDocument
  /** The page as the scan stage measured it, for the cleaning stages to read instead of measuring. */
  digest?: PageDigest
}

/**
 * What a page costs to work on, in characters: its HTML while it is still to be extracted (its
 * text is empty until then), else its text.
 *
 * @example
 * pageChars({ text: 'Oil rose.', site: '' }) // 9
 */
export function pageChars(page: PageInput): number {
  return page.html?.html?.length ?? page.text.length
}

/** How every task of a stage is shaped: sent to each worker before the stage's tasks. */
export interface TaskSetup {
  sign: SignOptions & { bands: number }
  /** The sites' template and word statistics; absent when the run does not clean. */
  stats?: StatsTables
  /** Hashes of prose lines that pages of two or more articles carry. */
  sharedLines?: Float64Array
  /** Site-seeded hashes of template lines that end a site's articles. */
  sectionBreaks?: Float64Array
  keepRemoved: boolean
  /** Whether the scan stage counts template keys and words (only runs that clean need them). */
  countFacts?: boolean
  /**
   * Whether the scan stage also returns each page it counted as a digest, for the cleaning
   * stages to read back instead of measuring the page again.
   */
  keepDigests?: boolean
  /** Whether the final stage returns each page's facts too (an index adds them to its counts). */
  finalFacts?: boolean
}

/**
 * A batch of pages and the stage to run them through. The `extract` stage (for `winnow extract`)
 * only extracts each page's `html` document, and needs no setup.
 */
export interface PageTask {
  stage: 'extract' | 'facts' | 'first' | 'final'
  pages: PageInput[]
}

/** What clustering needs of a page, without its text. */
export interface PageSignature {
  exact: string | undefined
  tokens: number
  bands: Uint32Array
  set: Uint32Array
  fingerprint?: Uint32Array
}

/** A page after the scan stage: its statistics, or the reason its HTML gave no document. */
export type FactsResult =
  | {
      /** Hash of the whole text: identical pages are counted once. */
      textHash: number
      facts: PageFacts | undefined
      /** The document an HTML page became, text in place of its markup. */
      extracted?: InputDocument
      /** The measured page with its line hashes, when facts were counted (see `encodePage`). */
      digest?: PageDigest
    }
  | { reject: Reject }

/** A page after the first cleaning. */
export interface FirstResult {
  signature: PageSignature
  proseHashes: Float64Array
  /** Pairs: site-seeded hash of a template line, hash of the first prose line after it. */
  followers: Float64Array
}

/** A page after the final cleaning (or none, when the run does not clean). */
export interface FinalResult {
  signature: PageSignature
  text: string
  removed: RemovedLine[]
  facts?: PageFacts
}

export type TaskResult =
  | { stage: 'extract'; pages: (ExtractedPage | Reject)[] }
  | { stage: 'facts'; pages: FactsResult[] }
  | { stage: 'first'; pages: FirstResult[] }
  | { stage: 'final'; pages: FinalResult[] }

/** The per-page work with the setup of the current stage. */
export interface PageWorker {
  setup(setup: TaskSetup): void
  run(task: PageTask): TaskResult
}

/**
 * Create the per-page work. `setup` builds the lookup tables once per stage; `run` then takes
 * batches of pages.
 *
 * @example
 * const work = createPageWorker()
 * work.setup({ sign: { shingleSize: 3, permutations: 128, bands: 64 }, keepRemoved: false })
 * work.run({ stage: 'final', pages: [{ text: 'Oil rose.', site: '' }] })
 */
export function createPageWorker(): PageWorker {
  let current: TaskSetup | undefined
  let stats: FrozenStats | undefined
  let shared: HashCounts | undefined
  let breaks: HashCounts | undefined

  const settings = () => {
    if (current === undefined) throw new Error('page work run before its setup')
    return current
  }
  const contextFor = (site: string): CleaningContext => {
    if (stats === undefined) throw new Error('cleaning asked for without statistics')
    return withLearntLines(stats.contextFor(site), shared, breaks)
  }

  return {
    setup(setup) {
      current = setup
      stats = setup.stats === undefined ? undefined : createFrozenStats(setup.stats)
      shared = setup.sharedLines === undefined ? undefined : keySet(setup.sharedLines)
      breaks = setup.sectionBreaks === undefined ? undefined : keySet(setup.sectionBreaks)
    },
    run(task) {
      if (task.stage === 'extract') {
        return {
          stage: 'extract',
          pages: task.pages.map(({ html }) => {
            if (html === undefined)
              throw new Error('an extract task sent a page without its document')
            return extractPage(html)
          }),
        }
      }
      const {
        sign,
        keepRemoved,
        countFacts = true,
        keepDigests = false,
        finalFacts = false,
      } = settings()
      switch (task.stage) {
        case 'facts':
          return {
            stage: 'facts',
            pages: task.pages.map((page) => scanPage(page, countFacts, keepDigests)),
          }
        case 'first':
          return {
            stage: 'first',
            pages: task.pages.map((input) => {
              const context = contextFor(input.site)
              const measured = measuredPage(input)
              const page = cleanLines(measured, context)
              // The hashes cleaning worked with (or read from the digest), kept on the page.
              const hashes = lineHashesOf(measured, context.groupSeed)
              return {
                signature: signPage(page.text, sign),
                proseHashes: proseLineHashes(hashes),
                followers: followerHashes(measured.lines, hashes, page),
              }
            }),
          }
        case 'final':
          return {
            stage: 'final',
            pages: task.pages.map((input) => {
              const { text, site } = input
              const measured = stats === undefined ? undefined : measuredPage(input)
              const page =
                measured === undefined ? undefined : cleanLines(measured, contextFor(site))
              const cleaned = page?.text ?? text
              return {
                signature: signPage(cleaned, sign),
                text: cleaned,
                removed: keepRemoved ? (page?.removed ?? []) : [],
                ...(finalFacts && measured !== undefined
                  ? { facts: pageFacts(site, measured) }
                  : {}),
              }
            }),
          }
      }
    },
  }
}

// Extract an HTML page, then count the page's keys and words.
function scanPage(
  { text, site, html }: PageInput,
  countFacts: boolean,
  keepDigest: boolean,
): FactsResult {
  let page = text
  let extracted: InputDocument | undefined
  if (html !== undefined) {
    const result = extractPage(html)
    if ('kind' in result) return { reject: result }
    extracted = result.document
    page = extracted.text
  }
  const measured = countFacts ? measurePage(page) : undefined
  return {
    textHash: hashString(page),
    facts: measured === undefined ? undefined : pageFacts(site, measured),
    ...(extracted === undefined ? {} : { extracted }),
    // pageFacts hashed the lines with the site's seed, as the cleaning stages will.
    ...(measured === undefined || !keepDigest ? {} : { digest: encodePage(measured) }),
  }
}

// A page to clean, read from its digest when the scan stage made one.
function measuredPage({ text, digest }: PageInput): MeasuredPage {
  return digest === undefined ? measurePage(text) : decodePage(text, digest)
}

/**
 * A site's cleaning context that also knows the lines a first pass learnt: prose that other
 * articles' pages carry, and template lines that end the site's articles.
 *
 * @example
 * const context = withLearntLines(stats.contextFor(site), keySet(sharedLines), undefined)
 */
export function withLearntLines(
  context: CleaningContext,
  shared: HashCounts | undefined,
  breaks: HashCounts | undefined,
): CleaningContext {
  if (shared !== undefined) context.isSharedElsewhere = (keyHash) => shared.has(keyHash)
  // The section-break table's keys are seeded with the site's, as the context's hashes are.
  if (breaks !== undefined) context.isSectionBreak = (keyHash) => breaks.has(keyHash)
  return context
}

/**
 * A set of hashes as a table with count 1 each, for fast membership tests.
 *
 * @example
 * keySet(Float64Array.from([7])).has(7) // true
 */
export function keySet(keys: Float64Array): HashCounts {
  return createHashCounts({ keys, counts: new Uint32Array(keys.length).fill(1) })
}

/**
 * Sign a cleaned page as clustering needs it: exact key, tokens, band keys and shingles.
 *
 * @example
 * signPage('Oil prices rose.', { shingleSize: 3, permutations: 128, bands: 64 }).bands.length // 64
 */
export function signPage(text: string, options: SignOptions & { bands: number }): PageSignature {
  const signed = signText(text, options)
  return {
    exact: signed.exact,
    tokens: signed.tokens,
    bands: bandHashes(signed.signature, options.bands, options.permutations / options.bands),
    set: signed.set,
    ...(signed.fingerprint === undefined ? {} : { fingerprint: signed.fingerprint }),
  }
}

// The page's template lines with the prose after each, as the section-break table counts them.
function followerHashes(
  lines: readonly PageLine[],
  hashes: LineHashes,
  cleaned: CleanedPage,
): Float64Array {
  const template = new Uint8Array(lines.length)
  for (const removed of cleaned.removed) if (removed.rule === 'template') template[removed.line] = 1
  return templateFollowerKeys(lines, hashes, (i) => template[i] === 1)
}
