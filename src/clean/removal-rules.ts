// Rules that mark single lines as furniture, from the line itself, its page and its site's template.
import type { CleaningContext } from './corpus-stats.js'
import { NO_HASH, type LineHashes } from './line-hashes.js'
import type { PageLine } from './page-lines.js'

/** Why cleaning removed a line. */
export type RemovalRule =
  | 'template' // the whole line recurs on many pages of the site
  | 'template_label' // it starts with a label the site uses on many pages ("Read more:")
  | 'template_suffix' // it ends with a site or section name the site appends ("| Energy")
  | 'template_shape' // a caption or credit written from a pattern the site uses on many pages
  | 'link' // a bare URL or e-mail address
  | 'repeated' // the page prints it more than once (captions)
  | 'quoted' // a pull quote: it repeats part of a longer line
  | 'title_with_site' // the headline again with the site name appended (a browser title)
  | 'before_article' // above the headline or between headline and body (bylines, dates, captions)
  | 'after_article' // after the body (teasers, newsletter prompts, footers)

/** Options for the line rules. */
export interface RemovalOptions {
  /** A line (or label, or suffix) on at least this many pages of one site is template. */
  templateMinPages: number
}

export const DEFAULT_REMOVAL_OPTIONS: RemovalOptions = { templateMinPages: 8 }

// A browser title appends at most this many words to the headline.
const MAX_SITE_NAME_WORDS = 6
// Shorter lines are too common as fragments to call one a quote of another.
const MIN_QUOTE_WORDS = 4

/**
 * Mark the lines that are furniture on their own evidence: site template, links, lines printed
 * twice, pull quotes and browser titles. Returns one entry per line, undefined for a kept line.
 *
 * `hashes` are the lines' lookup keys, made with the site's seed (`context.groupSeed`).
 *
 * @example
 * const page = measurePage('Menu\nA long enough sentence about oil prices.')
 * markFurniture(page.lines, context, DEFAULT_REMOVAL_OPTIONS, lineHashesOf(page, context.groupSeed))
 */
export function markFurniture(
  lines: readonly PageLine[],
  context: CleaningContext,
  options: RemovalOptions,
  hashes: LineHashes,
): (RemovalRule | undefined)[] {
  const isCommon = (hash: number) =>
    hash !== NO_HASH && context.templateCount(hash) >= options.templateMinPages
  const marks: (RemovalRule | undefined)[] = lines.map((_, i) => templateRule(i, hashes, isCommon))
  markRepeated(lines, marks)
  markContained(lines, marks)
  return marks
}

function templateRule(
  i: number,
  hashes: LineHashes,
  isCommon: (hash: number) => boolean,
): RemovalRule | undefined {
  if (hashes.link[i] === 1) return 'link'
  if (isCommon(hashes.line[i] ?? NO_HASH)) return 'template'
  if (isCommon(hashes.label[i] ?? NO_HASH)) return 'template_label'
  if (isCommon(hashes.suffix[i] ?? NO_HASH)) return 'template_suffix'
  if (isCommon(hashes.shape[i] ?? NO_HASH)) return 'template_shape'
  return undefined
}

// Lines with the same words, whatever their punctuation, are copies. A caption printed twice
// loses every copy; when one copy is wrapped in quotation marks and another is not, the wrapped
// one is a pull quote of the other, which stays.
function markRepeated(lines: readonly PageLine[], marks: (RemovalRule | undefined)[]): void {
  const open = lines.filter((line) => marks[line.index] === undefined && line.tokens.length > 0)
  for (const list of groupBySameWords(open)) {
    if (list.length < 2) continue
    const plain = list.filter((line) => !isWrappedInQuotes(line.text))
    for (const line of list) {
      if (plain.length === 1 && plain[0] !== line) marks[line.index] = 'quoted'
      else if (plain.length !== 1) marks[line.index] = 'repeated'
    }
  }
}

// The lines in groups of equal word sequences, groups in order of their first line. Lines are
// bucketed by a hash of their word numbers and compared in full only within a bucket.
function groupBySameWords(lines: readonly PageLine[]): PageLine[][] {
  const groups: PageLine[][] = []
  const buckets = new Map<number, PageLine[][]>()
  for (const line of lines) {
    const hash = wordsHash(line.tokens)
    let bucket = buckets.get(hash)
    if (bucket === undefined) buckets.set(hash, (bucket = []))
    const group = bucket.find((other) => sameWords(other[0]?.tokens ?? [], line.tokens))
    if (group !== undefined) {
      group.push(line)
      continue
    }
    const created = [line]
    bucket.push(created)
    groups.push(created)
  }
  return groups
}

function wordsHash(tokens: readonly number[]): number {
  let hash = tokens.length
  for (const token of tokens) hash = Math.imul(hash ^ token, 0x9e3779b1)
  return hash
}

function sameWords(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function isWrappedInQuotes(text: string): boolean {
  return /^["'“‘«„]/u.test(text) && /["'”’»][.!?]?$/u.test(text)
}

// A shorter line whose words run inside a longer one is either a pull quote (drop the short one)
// or the headline inside a browser title "Headline | Site" (drop the long one).
function markContained(lines: readonly PageLine[], marks: (RemovalRule | undefined)[]): void {
  const open = lines.filter(
    (line) => marks[line.index] === undefined && line.tokens.length >= MIN_QUOTE_WORDS,
  )
  for (const short of open) {
    for (const long of open) {
      if (long.tokens.length <= short.tokens.length || !containsRun(long.tokens, short.tokens))
        continue
      if (isTitleWithSite(short.key, long.key)) {
        marks[long.index] = 'title_with_site'
      } else if (marks[short.index] === undefined) {
        marks[short.index] = 'quoted'
      }
    }
  }
}

// True when `run` occurs in `tokens` as consecutive words.
function containsRun(tokens: readonly number[], run: readonly number[]): boolean {
  const first = run[0]
  for (let start = 0; start + run.length <= tokens.length; start++) {
    if (tokens[start] !== first) continue
    let i = 1
    while (i < run.length && tokens[start + i] === run[i]) i++
    if (i === run.length) return true
  }
  return false
}

function isTitleWithSite(shortKey: string, longKey: string): boolean {
  let rest: string
  if (longKey.startsWith(shortKey)) rest = longKey.slice(shortKey.length)
  else if (longKey.endsWith(shortKey)) rest = longKey.slice(0, longKey.length - shortKey.length)
  else return false
  // The remainder must be set off by a separator, not continue the sentence.
  if (!/^\s*[|:\-·•»«/]|[|:\-·•»«/]\s*$/.test(rest)) return false
  return rest.split(/\s+/).filter((word) => /\w/.test(word)).length <= MAX_SITE_NAME_WORDS
}
