// The SQLite index's tables, and the version that guards them.

/**
 * Bump when the tables change; an index written by a newer version is refused with a clear
 * error rather than misread.
 */
export const SCHEMA_VERSION = 1

/** Marks a SQLite file as a winnow index. */
export const INDEX_FORMAT = 'winnow-index'

/**
 * One row per document, keyed by `seq` (the order documents were added, which breaks every
 * tie). A cluster is named by its first member's `seq`; its canonical member can change as more
 * complete copies arrive. Band keys (band × 2^32 + hash) are stored only for documents that are
 * not exact copies of an earlier one: an exact copy's shingles are its first copy's.
 */
export const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT,
  fetched_at TEXT,
  site TEXT,
  cluster INTEGER NOT NULL,
  matched_with INTEGER,
  status TEXT NOT NULL,
  exact TEXT,
  tokens INTEGER NOT NULL,
  cleaned_length INTEGER NOT NULL,
  shingles BLOB NOT NULL,
  text TEXT
);
CREATE INDEX documents_by_cluster ON documents (cluster, seq);
CREATE INDEX documents_by_exact ON documents (exact) WHERE exact IS NOT NULL;
CREATE TABLE clusters (
  seq INTEGER PRIMARY KEY,
  canonical INTEGER NOT NULL,
  size INTEGER NOT NULL
);
CREATE TABLE bands (
  key INTEGER NOT NULL,
  doc INTEGER NOT NULL,
  PRIMARY KEY (key, doc)
) WITHOUT ROWID;
CREATE TABLE site_pages (site TEXT PRIMARY KEY, pages INTEGER NOT NULL);
CREATE TABLE template_counts (key INTEGER PRIMARY KEY, count INTEGER NOT NULL);
CREATE TABLE word_counts (key INTEGER PRIMARY KEY, count INTEGER NOT NULL);
CREATE TABLE learnt_lines (kind TEXT NOT NULL, key INTEGER NOT NULL, PRIMARY KEY (kind, key))
  WITHOUT ROWID;
`
