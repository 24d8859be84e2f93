// Explain why two documents are, or are not, copies: sizes, similarities, LSH, checks, aligned diff.
import { pageLines } from '../clean/page-lines.js'
import { estimateContainment, estimateJaccard } from '../dedup/minhash.js'
import { intersectionCount } from '../dedup/set-similarity.js'
import { lineKey } from '../text/normalize.js'
import type { DedupRecord, InputDocument, JoinReason } from '../types.js'
import type { DedupOptions } from './dedup-corpus.js'
import { checkPair, joinReason } from './pair-rules.js'
import { signText } from '../dedup/sign-text.js'

/** One side of the pair. */
export interface ExplainedSide {
  id: string
  cluster: string
  /** Tokens and distinct shingles of the cleaned text. */
  tokens: number
  shingles: number
  /** Non-empty lines of the page, and how many of them cleaning removed. */
  lines: number
  removedLines: number
}

/** One verification step and its outcome. */
export interface ExplainCheck {
  name: 'exact' | 'near' | 'contained'
  value: number
  threshold: number
  /** Whether the value must reach the threshold or stay within it (a SimHash distance). */
  bound: 'min' | 'max'
  passed: boolean
}

/** One row of the aligned diff. */
export interface DiffRow {
  /** `shared`: in both cleaned texts; `a`/`b`: in one only; `removed_a`/`removed_b`: furniture. */
  kind: 'shared' | 'a' | 'b' | 'removed_a' | 'removed_b'
  text: string
  /** For removed lines: the rule that removed it. */
  rule?: string
}

/** Everything `winnow explain` reports. */
export interface PairExplanation {
  a: ExplainedSide
  b: ExplainedSide
  sameCluster: boolean
  estimatedJaccard: number
  exactJaccard: number
  /** Share of a's shingles found in b, and the other way round (exact, from the shingle sets). */
  containmentAInB: number
  containmentBInA: number
  /** Containment of the smaller in the larger as estimated from the signatures alone. */
  estimatedContainment: number
  /** LSH bands on which the two signatures agree; one is enough to become candidates. */
  bandsAgreeing: number
  bands: number
  lshCandidate: boolean
  checks: ExplainCheck[]
  /** How dedup would join the pair directly, or null. */
  verdict: JoinReason | null
  diff: DiffRow[]
}

/**
 * Explain a pair, given both input documents and their dedup records (run with `removed`).
 *
 * @example
 * const run = await dedupCorpus(input, { removed: true })
 * explainPair(docA, run.records[0], docB, run.records[1], DEFAULT_DEDUP_OPTIONS)
 */
export function explainPair(
  docA: InputDocument,
  recordA: DedupRecord,
  docB: InputDocument,
  recordB: DedupRecord,
  options: DedupOptions,
): PairExplanation {
  const signedA = signText(recordA.text, options)
  const signedB = signText(recordB.text, options)
  const setA = signedA.set
  const setB = signedB.set
  const shared = intersectionCount(setA, setB)
  const checks = checkPair(signedA, signedB, options)
  const estimatedJaccard = estimateJaccard(signedA.signature, signedB.signature)
  const [small, large] = setA.length <= setB.length ? [setA, setB] : [setB, setA]
  const estimatedContainment = estimateContainment(estimatedJaccard, small.length, large.length)
  const bandsAgreeing = countAgreeingBands(signedA.signature, signedB.signature, options)
  // SimHash's block index returns exactly the fingerprints within the distance.
  const candidates =
    checks.exact || (options.method === 'simhash' ? checks.near : bandsAgreeing > 0)
  return {
    a: side(docA, recordA, signedA.tokens, setA.length),
    b: side(docB, recordB, signedB.tokens, setB.length),
    sameCluster: recordA.cluster === recordB.cluster,
    estimatedJaccard,
    exactJaccard: checks.jaccard,
    containmentAInB: setA.length === 0 ? 0 : shared / setA.length,
    containmentBInA: setB.length === 0 ? 0 : shared / setB.length,
    estimatedContainment,
    bandsAgreeing,
    bands: options.bands,
    lshCandidate: candidates,
    checks: [
      {
        name: 'exact',
        value: checks.exact ? 1 : 0,
        threshold: 1,
        bound: 'min',
        passed: checks.exact,
      },
      options.method === 'simhash'
        ? {
            name: 'near',
            value: checks.distance ?? 64,
            threshold: options.maxDistance,
            bound: 'max',
            passed: checks.near,
          }
        : {
            name: 'near',
            value: checks.jaccard,
            threshold: options.threshold,
            bound: 'min',
            passed: checks.near,
          },
      {
        name: 'contained',
        value: checks.containment,
        threshold: options.containment,
        bound: 'min',
        passed: checks.contained,
      },
    ],
    verdict: candidates ? joinReason(signedA, signedB, options) : null,
    diff: alignedDiff(docA, recordA, docB, recordB),
  }
}

function side(
  doc: InputDocument,
  record: DedupRecord,
  tokens: number,
  shingles: number,
): ExplainedSide {
  return {
    id: doc.id,
    cluster: record.cluster,
    tokens,
    shingles,
    lines: pageLines(doc.text).length,
    removedLines: record.removed?.length ?? 0,
  }
}

function countAgreeingBands(a: Uint32Array, b: Uint32Array, options: DedupOptions): number {
  let agreeing = 0
  const rows = options.permutations / options.bands
  for (let band = 0; band < options.bands; band++) {
    let same = true
    for (let r = 0; r < rows && same; r++) same = a[band * rows + r] === b[band * rows + r]
    if (same) agreeing++
  }
  return agreeing
}

// Kept lines are aligned by a longest common subsequence of their normalised keys; removed
// lines are shown where they stood on their page, marked with their rule.
function alignedDiff(
  docA: InputDocument,
  recordA: DedupRecord,
  docB: InputDocument,
  recordB: DedupRecord,
): DiffRow[] {
  const a = pageRows(docA, recordA)
  const b = pageRows(docB, recordB)
  const keptA = a.filter((row) => row.rule === undefined)
  const keptB = b.filter((row) => row.rule === undefined)
  const pairs = lcsPairs(
    keptA.map((row) => row.key),
    keptB.map((row) => row.key),
  )
  const rows: DiffRow[] = []
  let i = 0
  let j = 0
  const flushUntil = (untilA: number, untilB: number) => {
    for (; i < untilA; i++) rows.push(diffRow(a[i], 'a', 'removed_a'))
    for (; j < untilB; j++) rows.push(diffRow(b[j], 'b', 'removed_b'))
  }
  for (const [ka, kb] of pairs) {
    const rowA = keptA[ka]
    const rowB = keptB[kb]
    if (rowA === undefined || rowB === undefined) continue
    flushUntil(rowA.index, rowB.index)
    rows.push({ kind: 'shared', text: rowA.text })
    i = rowA.index + 1
    j = rowB.index + 1
  }
  flushUntil(a.length, b.length)
  return rows
}

interface PageRow {
  index: number
  text: string
  key: string
  rule: string | undefined
}

function pageRows(doc: InputDocument, record: DedupRecord): PageRow[] {
  const removed = new Map((record.removed ?? []).map((line) => [line.line, line.rule]))
  return pageLines(doc.text).map((line) => ({
    index: line.index,
    text: line.text,
    key: lineKey(line.text),
    rule: removed.get(line.index),
  }))
}

function diffRow(
  row: PageRow | undefined,
  kept: 'a' | 'b',
  removed: 'removed_a' | 'removed_b',
): DiffRow {
  if (row === undefined) return { kind: kept, text: '' }
  return row.rule === undefined
    ? { kind: kept, text: row.text }
    : { kind: removed, text: row.text, rule: row.rule }
}

// Classic dynamic-programming LCS over line keys; pages have at most a few hundred lines.
function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const width = b.length + 1
  const table = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0)
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j])
      i++
      j++
    } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) i++
    else j++
  }
  return pairs
}
