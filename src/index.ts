// winnow's public library API: every exported name is listed here by hand.

// Running a whole deduplication
export {
  dedupCorpus,
  DEFAULT_DEDUP_OPTIONS,
  type DedupHooks,
  type DedupOptions,
  type DedupRun,
} from './pipeline/dedup-corpus.js'
export { runDedupPasses, type RunResources, type DedupSummary } from './pipeline/dedup-passes.js'
export type { RecordSink } from './pipeline/write-records.js'

// The persistent index, and documents one at a time against it
export { openIndex, matchRules, type OpenIndexOptions } from './pipeline/open-index.js'
export {
  createOnlineIndex,
  type OnlineDocument,
  type OnlineIndex,
} from './pipeline/online-index.js'
export { openSqliteStore, type SqliteStoreOptions } from './store/sqlite-store.js'
export type {
  IndexEntry,
  IndexOptions,
  IndexStats,
  IndexStatus,
  IndexStore,
  IndexVerdict,
  MatchRules,
  StoredCluster,
  StoredDocument,
} from './store/index-store.js'

// Extracting articles from HTML pages
export {
  extractArticle,
  DEFAULT_EXTRACT_OPTIONS,
  type Article,
  type ExtractOptions,
  type ExtractResult,
} from './extract/extract-article.js'
export { extractDocuments, extractPage, type ExtractedPage } from './extract/extract-page.js'

// Reading and writing
export { readInputs, formatOf, type FileFormat } from './io/read-inputs.js'
export { DEFAULT_READ_OPTIONS, type ReadOptions } from './io/read-options.js'
export { writeJsonl, openOutput } from './io/write-jsonl.js'

// Reading a run back, and its HTML report
export { readDedupOutput, readRejectsFile, readStatsFile } from './io/read-dedup-output.js'
export { renderReport, type ReportInput, type ReportOptions } from './report/render-report.js'
export { summarizeRun, type RunSummary, type SiteSummary } from './report/summarize-run.js'

// Cleaning one page
export {
  cleanPage,
  DEFAULT_CLEAN_OPTIONS,
  type CleanOptions,
  type CleanedPage,
  type RemovedLine,
} from './clean/clean-page.js'
export { createCorpusStats, type CorpusStats, type CleaningContext } from './clean/corpus-stats.js'
export type { RemovalRule } from './clean/removal-rules.js'

// Signatures and clustering
export {
  createMinHasher,
  estimateJaccard,
  estimateContainment,
  type MinHasher,
} from './dedup/minhash.js'
export { shingleHashes } from './dedup/shingles.js'
export { createLshIndex, lshCandidateProbability, type LshIndex } from './dedup/lsh.js'
export { createUnionFind, type UnionFind } from './dedup/union-find.js'
export { exactKey } from './dedup/exact-key.js'

// Text normalisation
export { normalizeLine, foldCase, lineKey } from './text/normalize.js'
export { tokenize, comparisonTokens } from './text/tokenize.js'

// Shared shapes and errors
export type {
  DedupRecord,
  DocumentFlag,
  InputDocument,
  InputRecord,
  JoinReason,
  Reject,
  RejectCode,
  IndexRunStats,
  RunStats,
  Skip,
} from './types.js'
export { WinnowError, UsageError, InputError, StoreError, type ErrorCode } from './errors.js'
