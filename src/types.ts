// Shared data shapes that flow between readers, cleaning, deduplication and writers.

/** Why a document was flagged but still kept. */
export type DocumentFlag = 'empty' | 'invalid_utf8'

/** One page as read from the input, before any cleaning. */
export interface InputDocument {
  kind: 'document'
  /** Stable id: a relative path for files, the id field for JSONL records. */
  id: string
  /** The page as a crawler's text extraction gives it; for HTML input, the extracted article. */
  text: string
  /**
   * The decoded HTML page, for HTML and WARC input: extraction (`src/extract`) turns it into
   * `text` before cleaning. Absent for text input.
   */
  html?: string
  url?: string
  /** The site the page came from (host name); template statistics are kept per site. */
  site?: string
  fetchedAt?: string
  /** The file the document was read from, or `-` for standard input. */
  source: string
  /** 1-based line number within `source` for line-oriented formats. */
  line?: number
  flags?: DocumentFlag[]
}

/** Codes for input that could not become a document. */
export type RejectCode =
  | 'malformed_json'
  | 'not_an_object'
  | 'missing_text'
  | 'missing_id'
  | 'duplicate_id'
  | 'binary_file'
  | 'unreadable_path'
  | 'corrupt_gzip'
  | 'unsupported_file'
  | 'not_html'
  | 'undecodable_charset'
  | 'page_too_large'
  | 'page_too_deep'
  | 'malformed_warc'
  | 'truncated_record'
  | 'missing_http_headers'

/** Input that could not become a document, kept so that nothing disappears without a trace. */
export interface Reject {
  kind: 'reject'
  source: string
  line?: number
  id?: string
  code: RejectCode
  reason: string
}

/**
 * Input that was passed over on purpose, not an error: a WARC record that holds no page (a
 * request, metadata, an image), or a file in a folder that winnow does not read.
 */
export interface Skip {
  source: string
  /** What was skipped: a WARC record type (`request`, `response (image/png)`) or `unsupported file`. */
  type: string
  /** Byte offset of a WARC record, in the uncompressed stream. */
  offset?: number
}

/** What a reader yields, in input order. */
export type InputRecord = InputDocument | Reject

/** Why a document joined its cluster. */
export type JoinReason = 'exact' | 'near' | 'contained'

/** How a document stands against a persistent index: new, a copy of one there, or there already. */
export type IndexStatus = 'new' | 'duplicate' | 'already_seen'

/** One output line: a document with its cleaned text and its place in a cluster. */
export interface DedupRecord {
  id: string
  url?: string
  /** With `--index` only. */
  status?: IndexStatus
  /** Id of the cluster's canonical document. */
  cluster: string
  canonical: boolean
  duplicate_of: string | null
  /** Similarity to the canonical document, 0..1 (1 for the canonical itself). */
  similarity: number
  /** How the document joined its cluster; null for a canonical document. */
  reason: JoinReason | null
  text: string
  flags?: DocumentFlag[]
  /** With `--explain`: how the document was matched, measured against the canonical copy. */
  explain?: MatchExplanation
  /** With `--removed`: the lines cleaning removed, with the rule that removed each. */
  removed?: RemovedLineRecord[]
}

/** The measurements behind a document's place in its cluster. */
export interface MatchExplanation {
  /** Id of the earlier document whose comparison first put this one in a cluster, or null. */
  matched_with: string | null
  /** Estimated Jaccard similarity of the shingles to the canonical copy's. */
  jaccard: number
  /** Estimated share of the smaller copy's shingles found in the larger one. */
  containment: number
  /** The thresholds the run used. */
  threshold: number
  containment_threshold: number
}

/** A line cleaning removed. */
export interface RemovedLineRecord {
  /** 0-based position among the page's non-empty lines. */
  line: number
  text: string
  rule: string
}

/** Counts for one run, printed as the summary line and written by `--stats`. */
export interface RunStats {
  documents: number
  clusters: number
  duplicates: number
  exact_duplicates: number
  near_duplicates: number
  rejected: number
  empty: number
  invalid_utf8: number
  /** Inputs passed over on purpose (WARC records without a page, other files), by type. */
  skipped?: Record<string, number>
  seconds: number
  /** Bytes of clustering index held in memory, per document (0 for an empty run). */
  index_bytes_per_document: number
  /** Bytes of temporary files (signatures and cleaned pages waiting for output), per document. */
  temp_bytes_per_document: number
  /** With `--index`: the run's documents by status, and what the index holds afterwards. */
  index?: IndexRunStats
}

/** What a run against an index did to it. */
export interface IndexRunStats {
  new: number
  duplicate: number
  already_seen: number
  /** Documents and clusters in the index after the run. */
  documents: number
  clusters: number
}
