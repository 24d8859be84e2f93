import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_DEDUP_OPTIONS } from '../pipeline/dedup-options.js'
import { createOnlineIndex } from '../pipeline/online-index.js'
import { openIndex } from '../pipeline/open-index.js'
import { StoreError } from '../errors.js'
import { createApp, type AppOptions } from './create-app.js'

const dir = mkdtempSync(join(tmpdir(), 'winnow-app-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let indexes = 0
const page = (name: string) => readFileSync(join('examples/pages', name), 'utf8')
const first = page('capture-2024-03-02.txt')
const second = page('capture-2024-03-09.txt')
const other = page('cannery-2024-03-05.txt')

async function appWith(options: Partial<AppOptions> = {}) {
  const store = await openIndex({
    path: join(dir, `index-${++indexes}.db`),
    create: DEFAULT_DEDUP_OPTIONS,
  })
  const logged: string[] = []
  const app = createApp({
    online: await createOnlineIndex(store),
    log: (message) => logged.push(message),
    ...options,
  })
  return { app, store, logged }
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

describe('the service app', () => {
  it('adds a document and answers where it stands; a copy joins its cluster', async () => {
    const { app } = await appWith()
    const a = await app.request('/v1/documents', post('', { id: 'a', text: first }))
    expect(a.status).toBe(200)
    expect(await a.json()).toEqual({
      id: 'a',
      status: 'new',
      cluster: 'a',
      duplicate_of: null,
      similarity: 1,
      canonical: true,
      reason: null,
    })
    const b = await app.request('/v1/documents', post('', { id: 'b', text: second }))
    expect(await b.json()).toMatchObject({ status: 'duplicate', cluster: 'a', duplicate_of: 'a' })
    const again = await app.request('/v1/documents', post('', { id: 'b', text: second }))
    expect(await again.json()).toMatchObject({ status: 'already_seen', cluster: 'a' })
  })

  it('answers a batch in order, and checks without adding', async () => {
    const { app } = await appWith()
    const batch = await app.request(
      '/v1/documents',
      post('', {
        documents: [
          { id: 'x', text: other, url: 'https://a.example/x', fetched_at: '2026-11-01' },
          { id: 'a', text: first },
          { id: 'b', text: second },
        ],
      }),
    )
    const { results } = (await batch.json()) as { results: { id: string; status: string }[] }
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['x', 'new'],
      ['a', 'new'],
      ['b', 'duplicate'],
    ])
    const checked = await app.request('/v1/check', post('', { id: 'c', text: second }))
    expect(await checked.json()).toMatchObject({ id: 'c', status: 'duplicate', cluster: 'a' })
    expect((await app.request('/v1/documents/c')).status).toBe(404)
    const doc = await app.request('/v1/documents/x')
    expect(await doc.json()).toMatchObject({
      id: 'x',
      url: 'https://a.example/x',
      fetched_at: '2026-11-01',
    })
    const cluster = await app.request('/v1/clusters/b')
    expect(await cluster.json()).toMatchObject({ cluster: 'a', size: 2 })
  })

  it('extracts the article of an HTML page', async () => {
    const { app } = await appWith()
    const html = `<html><head><title>Ferry</title></head><body><nav>Home | News</nav><article>${first
      .split('\n')
      .map((line) => `<p>${line}</p>`)
      .join('')}</article></body></html>`
    await app.request('/v1/documents', post('', { id: 'a', text: first }))
    const response = await app.request('/v1/check', post('', { id: 'h', html }))
    expect(await response.json()).toMatchObject({ status: 'duplicate', cluster: 'a' })
  })

  it('names the field of a malformed request, and never adds part of a bad batch', async () => {
    const { app, store } = await appWith()
    const cases: [unknown, string | undefined][] = [
      ['{"id": ', 'body'],
      [[1, 2], undefined],
      [{ text: 'no id' }, 'id'],
      [{ id: 'a' }, 'text'],
      [{ id: 'a', text: 'x', html: '<p>x</p>' }, 'text'],
      [{ id: 'a', text: 5 }, 'text'],
      [{ id: 'a', text: 'x', url: 3 }, 'url'],
      [{ documents: 'no' }, 'documents'],
      [{ documents: [] }, 'documents'],
      [{ documents: [{ id: 'a', text: 'x' }, { id: 'b' }] }, 'documents[1].text'],
      [
        {
          documents: [
            { id: 'a', text: 'x' },
            { id: 'a', text: 'y' },
          ],
        },
        'documents[1].id',
      ],
    ]
    for (const [body, field] of cases) {
      const response = await app.request('/v1/documents', post('', body as string))
      expect(response.status, JSON.stringify(body)).toBe(400)
      const answer = (await response.json()) as { error: { field?: string; message: string } }
      expect(answer.error.field).toBe(field)
      expect(answer.error.message).not.toMatch(/at .*\.ts/)
    }
    expect((await store.stats()).documents).toBe(0)
    const batchToCheck = await app.request(
      '/v1/check',
      post('', { documents: [{ id: 'a', text: 'x' }] }),
    )
    expect(batchToCheck.status).toBe(400)
  })

  it('answers 404 for unknown routes and 405 for a wrong method, as JSON', async () => {
    const { app } = await appWith()
    const missing = await app.request('/v2/nothing')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: { status: 404, message: 'no such route' } })
    expect((await app.request('/v1/documents', { method: 'GET' })).status).toBe(405)
    expect((await app.request('/v1/check', { method: 'DELETE' })).status).toBe(405)
  })

  it('refuses a body over the limit with 413', async () => {
    const { app, store } = await appWith({ bodyLimit: 1000 })
    const response = await app.request(
      '/v1/documents',
      post('', { id: 'a', text: 'word '.repeat(400) }),
    )
    expect(response.status).toBe(413)
    expect((await response.json()) as object).toMatchObject({ error: { status: 413 } })
    expect((await store.stats()).documents).toBe(0)
  })

  it('judges a body of declared length by its header, and a streamed one as it arrives', async () => {
    const { app, store } = await appWith({ bodyLimit: 1000 })
    const body = (words: number) => JSON.stringify({ id: 'a', text: 'word '.repeat(words) })
    const declared = (text: string) =>
      post('', text, { 'content-length': String(Buffer.byteLength(text)) })
    expect((await app.request('/v1/check', declared(body(400)))).status).toBe(413)
    expect((await app.request('/v1/check', declared(body(100)))).status).toBe(200)
    const streamed = (text: string) => ({
      ...post('', ''),
      body: new Blob([text]).stream(),
      duplex: 'half' as const,
    })
    expect((await app.request('/v1/check', streamed(body(400)))).status).toBe(413)
    expect((await app.request('/v1/check', streamed(body(100)))).status).toBe(200)
    expect((await store.stats()).documents).toBe(0)
  })

  it('answers 422, naming the document, for a page the extractor refuses', async () => {
    const { app, store } = await appWith()
    const deep = '<div>'.repeat(10_000)
    const response = await app.request('/v1/documents', post('', { id: 'deep-page', html: deep }))
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error: { status: 422, message: 'deep-page: elements nested over 5000 deep' },
    })
    expect((await store.stats()).documents).toBe(0)
  })

  it('with a token, lets no one without it read or write, but keeps health and metrics open', async () => {
    const { app, store } = await appWith({ token: 's3cret' })
    const denied = await app.request('/v1/documents', post('', { id: 'a', text: first }))
    expect(denied.status).toBe(401)
    expect(denied.headers.get('www-authenticate')).toBe('Bearer')
    const wrong = await app.request(
      '/v1/documents',
      post('', { id: 'a', text: first }, { authorization: 'Bearer nope' }),
    )
    expect(wrong.status).toBe(401)
    expect((await app.request('/v1/documents/a')).status).toBe(401)
    expect((await app.request('/')).status).toBe(401)
    expect((await store.stats()).documents).toBe(0)
    const allowed = await app.request(
      '/v1/documents',
      post('', { id: 'a', text: first }, { authorization: 'Bearer s3cret' }),
    )
    expect(allowed.status).toBe(200)
    expect((await app.request('/?token=s3cret')).status).toBe(200)
    expect((await app.request('/healthz')).status).toBe(200)
    expect((await app.request('/metrics')).status).toBe(200)
  })

  it('counts requests and latencies in the Prometheus format', async () => {
    const { app } = await appWith()
    await app.request('/v1/documents', post('', { id: 'a', text: first }))
    await app.request('/v1/check', post('', { id: 'b', text: second }))
    const text = await (await app.request('/metrics')).text()
    expect(text).toContain('winnow_documents 1\n')
    expect(text).toContain('winnow_clusters 1\n')
    expect(text).toContain('winnow_http_requests_total{route="/v1/check",status="200"} 1')
    expect(text).toMatch(/winnow_http_request_duration_seconds_count\{route="\/v1\/documents"\} 1/)
    expect(text).toMatch(/# TYPE winnow_http_request_duration_seconds histogram/)
  })

  it('answers 500 without a stack trace when the index fails, and logs the details', async () => {
    const { app, store, logged } = await appWith()
    store.add = () => Promise.reject(new StoreError('corpus.db: disk I/O error'))
    const response = await app.request('/v1/documents', post('', { id: 'a', text: first }))
    expect(response.status).toBe(500)
    expect(await response.text()).toBe('{"error":{"status":500,"message":"internal error"}}')
    expect(logged.join('\n')).toContain('disk I/O error')
  })

  it('decides concurrent additions one after another: copies sent at once share one cluster', async () => {
    const { app, store } = await appWith()
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.request('/v1/documents', post('', { id: `p${i}`, text: i % 2 === 0 ? first : second })),
      ),
    )
    expect(await store.stats()).toMatchObject({ documents: 20, clusters: 1 })
  })
})
