// No crash on garbage HTML and WARC input: random bytes, cut records and odd markup are reported.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './run-cli.js'
import { htmlRecord, warcFile } from './warc-builder.js'

// A small deterministic generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0
    return state / 4294967296
  }
}

const bytes = (next: () => number, length: number) =>
  Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)))

const TAGS = ['div', 'p', 'span', 'a', 'table', 'td', 'li', 'ul', 'script', 'b', 'h2', 'article']

// Markup soup: random open and close tags, text, entities and stray brackets.
function soup(next: () => number, parts: number): string {
  let html = ''
  for (let i = 0; i < parts; i++) {
    const tag = TAGS[Math.floor(next() * TAGS.length)] ?? 'div'
    const kind = Math.floor(next() * 6)
    if (kind === 0) html += `<${tag} class="c${i}">`
    else if (kind === 1) html += `</${tag}>`
    else if (kind === 2) html += 'Some words, with commas, in a sentence. '
    else if (kind === 3) html += '&amp;&#x1F600;&bogus;<'
    else if (kind === 4) html += `<${tag}/>`
    else html += '<!-- comment'
  }
  return html
}

// The folders the tests write their inputs to, removed at the end.
const made: string[] = []
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('garbage HTML and WARC input', () => {
  it('accounts for every file of random bytes and markup soup', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'winnow-garbage-html-'))
    made.push(dir)
    const next = random(11)
    for (let i = 0; i < 20; i++) {
      const name = `${String(i).padStart(2, '0')}.html`
      await writeFile(join(dir, name), i % 2 === 0 ? bytes(next, 2000) : soup(next, 400))
    }
    const result = await runCli(['extract', dir, '--quiet', '--rejects', join(dir, 'r.jsonl')])
    expect(result.code).toBe(0)
    const written = jsonLines(result.stdout).length
    const rejected = jsonLines(await readFile(join(dir, 'r.jsonl'), 'utf8')).length
    expect(written + rejected).toBe(20)
  })

  it('survives WARC files cut at every point and records of random bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'winnow-garbage-warc-'))
    made.push(dir)
    const next = random(5)
    const page = `<html><body><article><p>${'A sentence of the article, with a comma. '.repeat(20)}</p></article></body></html>`
    const whole = warcFile(
      [htmlRecord('https://a.example/1', page), htmlRecord('https://a.example/2', page)],
      true,
    )
    for (let i = 0; i < 12; i++) {
      const cut = Math.floor(next() * whole.length)
      await writeFile(join(dir, `cut-${i}.warc.gz`), whole.subarray(0, cut))
    }
    await writeFile(join(dir, 'noise.warc'), bytes(next, 5000))
    await writeFile(join(dir, 'noise.warc.gz'), gzipSync(bytes(next, 5000)))
    const result = await runCli(['extract', dir, '--quiet'])
    expect(result.code).toBe(0)
    for (const line of jsonLines(result.stdout)) expect(typeof line['text']).toBe('string')
  })
})
