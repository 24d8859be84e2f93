// One line of `winnow dedup` output back into a record, or a reject saying what is wrong with it.
import { parseJsonObject } from './parse-json-object.js'
import type {
  DedupRecord,
  JoinReason,
  MatchExplanation,
  Reject,
  RemovedLineRecord,
} from '../types.js'

const REASONS: readonly string[] = ['exact', 'near', 'contained']

/**
 * Parse one output line of `winnow dedup`. The fields every line has (`id`, `cluster`,
 * `canonical`, `similarity`, `reason`, `text`) are checked; `explain` and `removed` are kept when
 * well formed and dropped otherwise, so a report can say they are missing rather than fail.
 *
 * @example
 * parseDedupLine('{"id":"a","cluster":"a","canonical":true,"duplicate_of":null,"similarity":1,"reason":null,"text":"Hi"}', 'out.jsonl', 1)
 * // { id: 'a', cluster: 'a', canonical: true, duplicate_of: null, similarity: 1, reason: null, text: 'Hi' }
 */
export function parseDedupLine(text: string, source: string, line: number): DedupRecord | Reject {
  const reject = (code: Reject['code'], reason: string): Reject => {
    return { kind: 'reject', source, line, code, reason }
  }
  const parsed = parseJsonObject(text)
  if (!parsed.ok) {
    const reason =
      parsed.code === 'not_an_object'
        ? `${parsed.reason} (one winnow dedup output record)`
        : parsed.reason
    return reject(parsed.code, reason)
  }
  const row = parsed.value
  const { id, cluster, similarity, reason } = row
  if (typeof id !== 'string' || id === '') return reject('missing_id', 'field "id" is missing')
  if (typeof row['text'] !== 'string') return reject('missing_text', 'field "text" is missing')
  if (typeof cluster !== 'string') {
    return reject('not_an_object', 'field "cluster" is missing: is this winnow dedup output?')
  }
  const joined: JoinReason | null =
    typeof reason === 'string' && REASONS.includes(reason) ? (reason as JoinReason) : null
  const record: DedupRecord = {
    id,
    cluster,
    canonical: row['canonical'] === true || (row['canonical'] === undefined && cluster === id),
    duplicate_of: typeof row['duplicate_of'] === 'string' ? row['duplicate_of'] : null,
    similarity: typeof similarity === 'number' ? similarity : 1,
    reason: joined,
    text: row['text'],
  }
  if (typeof row['url'] === 'string') record.url = row['url']
  const explain = explanationOf(row['explain'])
  if (explain !== undefined) record.explain = explain
  const removed = removedOf(row['removed'])
  if (removed !== undefined) record.removed = removed
  return record
}

function explanationOf(value: unknown): MatchExplanation | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const e = value as Record<string, unknown>
  const number = (key: string) => (typeof e[key] === 'number' ? e[key] : 0)
  return {
    matched_with: typeof e['matched_with'] === 'string' ? e['matched_with'] : null,
    jaccard: number('jaccard'),
    containment: number('containment'),
    threshold: number('threshold'),
    containment_threshold: number('containment_threshold'),
  }
}

function removedOf(value: unknown): RemovedLineRecord[] | undefined {
  if (!Array.isArray(value)) return undefined
  const lines: RemovedLineRecord[] = []
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const { line, text, rule } = item as Record<string, unknown>
    if (typeof line === 'number' && typeof text === 'string') {
      lines.push({ line, text, rule: typeof rule === 'string' ? rule : 'removed' })
    }
  }
  return lines
}
