// The HTTP service: routes over an online index, with one writer at a time.
import { Readable } from 'node:stream'
import { Hono, type Context, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { InputError, StoreError } from '../errors.js'
import { indexRecords } from '../pipeline/index-records.js'
import type { OnlineDocument, OnlineIndex } from '../pipeline/online-index.js'
import { renderReport } from '../report/render-report.js'
import type { IndexVerdict } from '../store/index-store.js'
import type { DedupRecord } from '../types.js'
import { HttpError, errorBody } from './http-error.js'
import { createMetrics } from './metrics.js'
import { readDocuments } from './read-documents.js'
import { requireToken } from './require-token.js'

/** Options of {@link createApp}. */
export interface AppOptions {
  online: OnlineIndex
  /** Guards every route but `/healthz` and `/metrics`: `Authorization: Bearer <token>`. */
  token?: string
  /** Largest request body, in bytes (default 10 MB). */
  bodyLimit?: number
  /** The index's name, shown by the report at `/`. */
  source?: string
  /** Where unexpected errors are told (never to the client). */
  log?: (message: string) => void
}

/** Default largest request body: 10 MB. */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024

/**
 * The service as a Hono app; test it in process with `app.request(...)`, serve it with
 * {@link startServer}. Additions go through one queue, so concurrent requests never decide two
 * copies of an article against an index that holds neither.
 *
 * @example
 * const app = createApp({ online: await createOnlineIndex(store) })
 * const response = await app.request('/v1/check', { method: 'POST', body: '{"id":"a","text":"…"}' })
 */
export function createApp(options: AppOptions): Hono {
  const { online } = options
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`))
  const metrics = createMetrics()
  const app = new Hono()
  let writes: Promise<unknown> = Promise.resolve()
  const addInTurn = (documents: OnlineDocument[]): Promise<IndexVerdict[]> => {
    const added = writes.then(() => online.add(documents))
    writes = added.catch(() => undefined)
    return added
  }

  app.use(async (c, next) => {
    const start = process.hrtime.bigint()
    await next()
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    metrics.observe(c.req.routePath === '/*' ? 'unmatched' : c.req.routePath, c.res.status, seconds)
  })
  const maxSize = options.bodyLimit ?? DEFAULT_BODY_LIMIT
  const overLimit = () => {
    throw new HttpError(413, `the body is over the limit of ${maxSize} bytes`)
  }
  const streamedLimit = bodyLimit({ maxSize, onError: overLimit })
  // A body of declared length is judged by its header, and then read straight from the socket;
  // only a streamed body (no length) is counted as it arrives, through a web stream.
  const limit: MiddlewareHandler = async (c, next) => {
    const length = c.req.header('content-length')
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return streamedLimit(c, next)
    }
    if (Number(length) > maxSize) overLimit()
    await next()
  }
  if (options.token !== undefined) {
    app.use('/v1/*', requireToken(options.token))
    app.use('/', requireToken(options.token, { inQuery: true }))
  }

  app.get('/healthz', (c) => c.json({ ok: true }))
  app.get('/metrics', async (c) => {
    return c.text(metrics.render(await online.store.counts()), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
    })
  })
  app.post('/v1/documents', limit, async (c) => {
    const { single, documents } = readDocuments(await jsonBody(c), { batch: true })
    const verdicts = (await addInTurn(documents)).map(answerOf)
    return c.json(single ? verdicts[0] : { results: verdicts })
  })
  app.post('/v1/check', limit, async (c) => {
    const { documents } = readDocuments(await jsonBody(c), { batch: false })
    return c.json(answerOf(await online.check(documents[0] as OnlineDocument)))
  })
  app.get('/v1/documents/:id', async (c) => {
    const id = c.req.param('id')
    const doc = await online.store.getDocument(id)
    if (doc === undefined)
      throw new HttpError(404, `no document ${JSON.stringify(id)} in the index`)
    return c.json(doc)
  })
  app.get('/v1/clusters/:id', async (c) => {
    const id = c.req.param('id')
    const cluster = await online.store.getCluster(id)
    if (cluster === undefined) {
      throw new HttpError(404, `no cluster holds a document ${JSON.stringify(id)}`)
    }
    return c.json(cluster)
  })
  app.get('/', async (c) => {
    const records: DedupRecord[] = []
    for await (const record of indexRecords(online.store)) records.push(record)
    const html = renderReport(
      { records, source: options.source ?? 'index' },
      { checkForm: { endpoint: '/v1/check' } },
    )
    return c.body(Readable.toWeb(Readable.from(html)) as ReadableStream, 200, {
      'content-type': 'text/html; charset=utf-8',
    })
  })
  for (const path of ['/v1/documents', '/v1/check', '/v1/documents/:id', '/v1/clusters/:id']) {
    app.all(path, () => {
      throw new HttpError(405, 'this route does not take that method')
    })
  }

  app.notFound((c) => c.json(errorBody(new HttpError(404, 'no such route')), 404))
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(errorBody(error), error.status)
    if (error instanceof InputError) {
      // The extractor refused a page: the request was well formed, its content was not usable.
      return c.json(errorBody(new HttpError(422, error.message)), 422)
    }
    const what = error instanceof StoreError ? 'index error' : 'unexpected error'
    log(`winnow serve: ${what} on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`)
    return c.json(errorBody(new HttpError(500, 'internal error')), 500)
  })
  return app
}

// The body as JSON; a body that is not JSON is the client's mistake.
async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json()
  } catch (error) {
    if (error instanceof HttpError) throw error
    throw new HttpError(400, 'the body is not valid JSON', { field: 'body', cause: error })
  }
}

// What a client is told of a document: the fields, then canonical and reason.
function answerOf(verdict: IndexVerdict) {
  return {
    id: verdict.id,
    status: verdict.status,
    cluster: verdict.cluster,
    duplicate_of: verdict.duplicate_of,
    similarity: verdict.similarity,
    canonical: verdict.canonical,
    reason: verdict.reason,
  }
}
