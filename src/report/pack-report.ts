// The report's data in the compact form its client reads: one table of per-document columns,
// and the page texts in chunks the client parses only when it needs them.
import type { DedupRecord, JoinReason } from '../types.js'
import { removedShare } from './removed-share.js'
import { siteOf } from './summarize-run.js'

/** Per-document columns (index = document) and the clusters, parsed when the page opens. */
export interface ReportMeta {
  source: string
  hasRemoved: boolean
  hasExplain: boolean
  sites: string[]
  rules: string[]
  ids: string[]
  /** '' for a document without a URL. */
  urls: string[]
  site: number[]
  /** 0 canonical, 1 exact, 2 near, 3 contained. */
  reason: number[]
  /** Similarity to the canonical copy, jaccard and containment, in thousandths; -1 unknown. */
  similarity: number[]
  jaccard: number[]
  containment: number[]
  /** Index of the document it was matched with, -1 for none. */
  matched: number[]
  /** Share of the page removed as furniture, in thousandths; -1 without `removed`. */
  removedShare: number[]
  /** Chunk holding each document's text. */
  chunk: number[]
  /** Clusters, largest first (ties in input order): canonical first, then the rest in input order. */
  clusters: number[][]
  chunks: number
}

/** The texts of some documents: distinct lines once, each page as indices into them. */
export interface ReportChunk {
  lines: string[]
  docs: number[]
  /** Per document: the kept lines of its cleaned text. */
  kept: number[][]
  /** Per document: removed lines as flat triples [position on the page, line, rule]. */
  removed: number[][]
}

/** Options for {@link packReport}. */
export interface PackOptions {
  /** The name shown for the data (the output file read). */
  source: string
  /** Documents per chunk, at least; a cluster never straddles two chunks. */
  chunkSize?: number
}

/** The default chunk size: a few hundred pages parse in a few milliseconds. */
export const DEFAULT_CHUNK_SIZE = 200

const REASON_CODE: Record<JoinReason, number> = { exact: 1, near: 2, contained: 3 }

/**
 * Pack records for the report's client. Copies of one article share most lines and a site's
 * furniture repeats on every page, so each chunk stores a distinct line once.
 *
 * @example
 * const { meta, chunk } = packReport(records, { source: 'out.jsonl' })
 * for (let k = 0; k < meta.chunks; k++) write(chunk(k))
 */
export function packReport(
  records: readonly DedupRecord[],
  options: PackOptions,
): { meta: ReportMeta; chunk(index: number): ReportChunk } {
  const index = new Map(records.map((record, i) => [record.id, i]))
  const thousandths = (x: number | undefined) => (x === undefined ? -1 : Math.round(x * 1000))
  const sites = new Map<string, number>()
  const rules = new Map<string, number>()
  const ruleOf = (rule: string) => intern(rules, rule)
  const clusters = groupClusters(records, index)
  const chunkOf = new Array<number>(records.length).fill(0)
  const chunkDocs: number[][] = [[]]
  const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  for (const cluster of clusters) {
    let current = chunkDocs[chunkDocs.length - 1] ?? []
    if (current.length >= size) chunkDocs.push((current = []))
    for (const doc of cluster) {
      current.push(doc)
      chunkOf[doc] = chunkDocs.length - 1
    }
  }
  for (const record of records) for (const line of record.removed ?? []) ruleOf(line.rule)
  const meta: ReportMeta = {
    source: options.source,
    hasRemoved: records.length > 0 && records.every((r) => r.removed !== undefined),
    hasExplain: records.length > 0 && records.every((r) => r.explain !== undefined),
    sites: [],
    rules: [...rules.keys()],
    ids: records.map((r) => r.id),
    urls: records.map((r) => r.url ?? ''),
    site: records.map((r) => intern(sites, siteOf(r))),
    reason: records.map((r) => (r.canonical || r.reason === null ? 0 : REASON_CODE[r.reason])),
    similarity: records.map((r) => thousandths(r.similarity)),
    jaccard: records.map((r) => thousandths(r.explain?.jaccard)),
    containment: records.map((r) => thousandths(r.explain?.containment)),
    matched: records.map((r) => index.get(r.explain?.matched_with ?? '') ?? -1),
    removedShare: records.map((r) => thousandths(removedShare(r) ?? undefined)),
    chunk: chunkOf,
    clusters,
    chunks: chunkDocs.length,
  }
  meta.sites = [...sites.keys()]
  return { meta, chunk: (k) => packChunk(records, chunkDocs[k] ?? [], ruleOf) }
}

function packChunk(
  records: readonly DedupRecord[],
  docs: readonly number[],
  ruleOf: (rule: string) => number,
): ReportChunk {
  const lines = new Map<string, number>()
  const chunk: ReportChunk = { lines: [], docs: [...docs], kept: [], removed: [] }
  for (const doc of docs) {
    const record = records[doc]
    if (record === undefined) continue
    const text = record.text === '' ? [] : record.text.split('\n')
    chunk.kept.push(text.map((line) => intern(lines, line)))
    const removed = [...(record.removed ?? [])].sort((a, b) => a.line - b.line)
    chunk.removed.push(
      removed.flatMap((line) => [line.line, intern(lines, line.text), ruleOf(line.rule)]),
    )
  }
  chunk.lines = [...lines.keys()]
  return chunk
}

// Clusters keyed by the records' `cluster` ids, whether or not the canonical record is present
// (a filtered output may lack it): its canonical is the record so marked, else the first member.
function groupClusters(records: readonly DedupRecord[], index: Map<string, number>): number[][] {
  const byKey = new Map<string, number[]>()
  records.forEach((record, i) => {
    const members = byKey.get(record.cluster)
    if (members === undefined) byKey.set(record.cluster, [i])
    else members.push(i)
  })
  const clusters = [...byKey].map(([key, members]) => {
    const canonical = members.find((i) => records[i]?.canonical) ?? index.get(key)
    const head = canonical !== undefined && members.includes(canonical) ? canonical : members[0]
    // Members were pushed in input order, so the first is where the cluster first appears.
    return { first: members[0] ?? 0, docs: [head ?? 0, ...members.filter((i) => i !== head)] }
  })
  clusters.sort((a, b) => b.docs.length - a.docs.length || a.first - b.first)
  return clusters.map((cluster) => cluster.docs)
}

function intern(table: Map<string, number>, value: string): number {
  let id = table.get(value)
  if (id === undefined) table.set(value, (id = table.size))
  return id
}
