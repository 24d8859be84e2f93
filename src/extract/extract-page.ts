// The extraction step: pages read as HTML become text documents before cleaning.
import {
  DEFAULT_EXTRACT_OPTIONS,
  extractArticle,
  type Article,
  type ExtractOptions,
} from './extract-article.js'
import type { DocumentFlag, InputDocument, InputRecord, Reject } from '../types.js'

/** A page after extraction: the document with its text, and the article when it was HTML. */
export interface ExtractedPage {
  document: InputDocument
  /** Null for input that was text already (text files, JSONL text, WET records). */
  article: Article | null
}

/**
 * Extract one document's article when it carries HTML; the result holds no HTML, and its
 * `text` is the article's title (when it has one) and then its paragraphs, one a line, as
 * cleaning expects. A page refused by the parser (too large, nested too deep) is a reject.
 * Text documents pass through unchanged. Pure and synchronous, so it can run in a worker.
 *
 * @example
 * const page = extractPage(document)
 * if (!('kind' in page)) page.article?.title
 */
export function extractPage(
  document: InputDocument,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
): ExtractedPage | Reject {
  if (document.html === undefined) return { document, article: null }
  const { html, ...rest } = document
  const result = extractArticle(html, options)
  if (!result.ok) {
    return {
      kind: 'reject',
      source: document.source,
      ...(document.line === undefined ? {} : { line: document.line }),
      id: document.id,
      code: result.code,
      reason: result.reason,
    }
  }
  const { title, text } = result.article
  const withTitle = title === null || text.startsWith(title) ? text : `${title}\n${text}`
  const { flags: readFlags = [], ...base } = rest
  const flags: DocumentFlag[] = readFlags.filter((flag) => flag !== 'empty')
  if (withTitle.trim() === '') flags.unshift('empty')
  return {
    document: { ...base, text: withTitle, ...(flags.length > 0 ? { flags } : {}) },
    article: result.article,
  }
}

/**
 * The extraction step of a run: every document carrying HTML is replaced by its extracted text
 * (or by a reject), everything else passes through in order. Errors from `input` reach the
 * caller's `for await`.
 *
 * @example
 * await dedupCorpus(extractDocuments(readInputs(['crawl.warc.gz'], DEFAULT_READ_OPTIONS)))
 */
export async function* extractDocuments(
  input: AsyncIterable<InputRecord>,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
): AsyncGenerator<InputRecord> {
  for await (const record of input) {
    if (record.kind === 'reject' || record.html === undefined) {
      yield record
      continue
    }
    const page = extractPage(record, options)
    yield 'kind' in page ? page : page.document
  }
}
