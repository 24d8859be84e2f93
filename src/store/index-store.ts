// The persistent index: what it keeps of each document, and the operations every backend offers.
import type { IndexStatus, JoinReason } from '../types.js'
import type { SharedBandFilter } from './band-filter.js'

export type { IndexStatus } from '../types.js'

/** What the index keeps of a document's signature: no text unless asked to. */
export interface IndexEntry {
  id: string
  url?: string
  fetchedAt?: string
  site?: string
  /** Key of the normalised token sequence (the content hash); undefined for an empty document. */
  exact: string | undefined
  /** Tokens of cleaned text: the most complete copy is a cluster's canonical one. */
  tokens: number
  /** The LSH band keys of the MinHash signature, one per band. */
  bands: Uint32Array
  /** The sorted shingle hashes, on which candidates are verified. */
  set: Uint32Array
  /** Characters of cleaned text. */
  cleanedLength: number
  /** The cleaned text, kept only when the index stores text. */
  text?: string
}

/** The answer for one document: where it stands, or would stand, in the index. */
export interface IndexVerdict {
  id: string
  status: IndexStatus
  /** Id of the cluster's canonical document. */
  cluster: string
  canonical: boolean
  duplicate_of: string | null
  /** Similarity to the canonical document (1 for the canonical itself). */
  similarity: number
  /** How the document relates to its canonical copy; null for the canonical itself. */
  reason: JoinReason | null
}

/** A document as the index holds it. */
export interface StoredDocument {
  id: string
  url?: string
  fetched_at?: string
  site?: string
  cluster: string
  canonical: boolean
  duplicate_of: string | null
  /** Similarity to the canonical document, measured when the document is read. */
  similarity: number
  reason: JoinReason | null
  /** Id of the earlier document whose comparison first put this one in its cluster, or null. */
  matched_with: string | null
  content_hash: string | null
  tokens: number
  cleaned_length: number
  text?: string
}

/** A cluster with its members, in the order they were added. */
export interface StoredCluster {
  cluster: string
  size: number
  members: StoredDocument[]
}

/** Counts and sizes of an index. */
export interface IndexStats {
  schema_version: number
  documents: number
  clusters: number
  duplicates: number
  documents_with_text: number
  /** Bytes on disk: the database and its write-ahead log. */
  bytes: number
  /** The signature options the index was built with; later runs must use the same. */
  options: IndexOptions
}

/** Signature and matching options fixed when an index is created. */
export interface IndexOptions {
  shingleSize: number
  permutations: number
  bands: number
  threshold: number
  containment: number
  clean: boolean
}

/** What two signed documents are compared on. */
export interface MatchSides {
  exact: string | undefined
  set: Uint32Array
}

/**
 * The rules that make two documents copies, handed to the store by the pipeline, so that a store
 * decides exactly as an in-memory run would.
 */
export interface MatchRules {
  /** Whether any rule joins the pair. */
  joins(earlier: MatchSides, later: MatchSides): boolean
  /** A member measured against its canonical copy. */
  measure(doc: MatchSides, canonical: MatchSides): { similarity: number; reason: JoinReason }
}

/** Counts learnt from cleaned pages, kept so that later runs and the service clean alike. */
export interface ModelDelta {
  pages: number
  sitePages: [string, number][]
  /** Site-seeded template key hashes, once per page that has them. */
  templateKeys: Float64Array
  /** Word hashes, once per page that has them. */
  words: Float64Array
}

/** The cleaning statistics an index has learnt. */
export interface StoredModel {
  pages: number
  sitePages: [string, number][]
  templates: { keys: Float64Array; counts: Uint32Array }
  words: { keys: Float64Array; counts: Uint32Array }
  /** Hashes of prose lines that pages of several articles carry (teasers). */
  sharedLines: Float64Array
  /** Site-seeded hashes of template lines that end a site's articles. */
  sectionBreaks: Float64Array
}

/**
 * One index of documents. Adding is atomic per call (on Redis, per 200 documents of a call): a
 * call's documents are all added or none are, and each is decided against everything added
 * before it, in order.
 */
export interface IndexStore {
  readonly options: IndexOptions
  /** Which of these ids the index holds. */
  knownIds(ids: readonly string[]): Promise<Set<string>>
  /** Add documents in order, with the statistics their pages add; one verdict per document. */
  add(entries: readonly IndexEntry[], delta?: ModelDelta): Promise<IndexVerdict[]>
  /** Where a document would stand, without adding it. */
  check(entry: IndexEntry): Promise<IndexVerdict>
  getDocument(id: string): Promise<StoredDocument | undefined>
  /** The cluster of a document (by a member's or the cluster's id). */
  getCluster(id: string): Promise<StoredCluster | undefined>
  /** Every document, in the order it was added. */
  documents(): AsyncIterable<StoredDocument>
  /** Every cluster, in the order of its first member. */
  clusters(): AsyncIterable<StoredCluster>
  model(): Promise<StoredModel>
  /**
   * Add pages' statistics to the model once under `name` (a queued job's), whatever retries
   * follow; true when added now. Only the shared index on Redis, which queued jobs use, has it.
   */
  countOnce?(name: string, delta: ModelDelta): Promise<boolean>
  /** Add lines learnt by a run (teasers and section breaks) to the model. */
  learnLines(sharedLines: Float64Array, sectionBreaks: Float64Array): Promise<void>
  stats(): Promise<IndexStats>
  /** Documents and clusters only: cheap enough for every scrape of a metrics endpoint. */
  counts(): Promise<{ documents: number; clusters: number }>
  /** Reclaim free space and fold the write-ahead log into the database. */
  compact(): Promise<{ bytesBefore: number; bytesAfter: number }>
  close(): Promise<void>
  /**
   * The filter of band keys this store keeps, when it was opened to build one: other threads
   * that open the same index pass it to skip lookups of keys no document has.
   */
  readonly bandFilter?: SharedBandFilter
}
