// What a client may send: one document, or a batch of them, checked field by field.
import type { OnlineDocument } from '../pipeline/online-index.js'
import { HttpError } from './http-error.js'

/** Documents a request carries, and whether it sent one alone (answered alone) or a batch. */
export interface RequestDocuments {
  single: boolean
  documents: OnlineDocument[]
}

/** Most documents one request may carry. */
export const MAX_BATCH = 10_000

/**
 * Read a parsed JSON body as `{id, text | html, url?, fetched_at?}` or `{documents: [...]}`; a
 * missing or ill-typed field is a 400 that names it.
 *
 * @example
 * readDocuments({ id: 'a', text: 'Oil prices rose.' }).documents[0].id // 'a'
 */
export function readDocuments(body: unknown, options: { batch: boolean }): RequestDocuments {
  if (!isObject(body)) throw new HttpError(400, 'the body must be a JSON object')
  if (!('documents' in body)) return { single: true, documents: [readDocument(body, '')] }
  if (!options.batch) {
    throw new HttpError(400, 'this route takes one document, not a batch', { field: 'documents' })
  }
  const { documents } = body
  if (!Array.isArray(documents)) {
    throw new HttpError(400, 'documents must be an array', { field: 'documents' })
  }
  if (documents.length === 0 || documents.length > MAX_BATCH) {
    throw new HttpError(400, `documents must hold 1 to ${MAX_BATCH} documents`, {
      field: 'documents',
    })
  }
  const read = documents.map((doc, i) => readDocument(doc, `documents[${i}].`))
  const seen = new Set<string>()
  read.forEach((doc, i) => {
    if (seen.has(doc.id)) {
      throw new HttpError(400, `id ${JSON.stringify(doc.id)} appears twice in the batch`, {
        field: `documents[${i}].id`,
      })
    }
    seen.add(doc.id)
  })
  return { single: false, documents: read }
}

function readDocument(value: unknown, at: string): OnlineDocument {
  if (!isObject(value)) {
    throw new HttpError(400, 'a document must be a JSON object', {
      field: at === '' ? 'body' : at.slice(0, -1),
    })
  }
  const id = value['id']
  if (typeof id !== 'string' || id === '') {
    throw new HttpError(400, 'id must be a non-empty string', { field: `${at}id` })
  }
  const text = optionalString(value, 'text', at)
  const html = optionalString(value, 'html', at)
  if ((text === undefined) === (html === undefined)) {
    throw new HttpError(400, 'a document needs text or html (one of them)', { field: `${at}text` })
  }
  const url = optionalString(value, 'url', at)
  const fetchedAt = optionalString(value, 'fetched_at', at)
  return {
    id,
    ...(text === undefined ? {} : { text }),
    ...(html === undefined ? {} : { html }),
    ...(url === undefined ? {} : { url }),
    ...(fetchedAt === undefined ? {} : { fetchedAt }),
  }
}

function optionalString(value: Record<string, unknown>, key: string, at: string) {
  const field = value[key]
  if (field === undefined || field === null) return undefined
  if (typeof field !== 'string') {
    throw new HttpError(400, `${key} must be a string`, { field: `${at}${key}` })
  }
  return field
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
