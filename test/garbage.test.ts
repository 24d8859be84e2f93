// No crash on garbage: random bytes, broken JSON and odd text are accounted for, never fatal.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './run-cli.js'

// A small deterministic generator, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0
    return state / 4294967296
  }
}

function garbageBytes(next: () => number, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)))
}

// The folders the tests write their inputs to, removed at the end.
const made: string[] = []
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('garbage input', () => {
  it('accounts for every line of a JSONL file of random bytes and broken records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'winnow-garbage-'))
    made.push(dir)
    const next = random(7)
    const lines: Buffer[] = []
    for (let i = 0; i < 200; i++) {
      const kind = Math.floor(next() * 5)
      if (kind === 0)
        lines.push(
          Buffer.from(garbageBytes(next, 1 + Math.floor(next() * 300)).filter((b) => b !== 0x0a)),
        )
      else if (kind === 1)
        lines.push(
          Buffer.from(
            `{"id": "t${i}", "text": ${JSON.stringify('\u0000\uFFFD\u202E' + 'word '.repeat(Math.floor(next() * 50)))}}`,
          ),
        )
      else if (kind === 2) lines.push(Buffer.from(`{"id": ${i}, "text": 42}`))
      else if (kind === 3) lines.push(Buffer.from(`[${i}]`))
      else
        lines.push(
          Buffer.from(
            JSON.stringify({ id: `d${i}`, text: 'Ferry\n\n'.repeat(Math.floor(next() * 40)) }),
          ),
        )
    }
    const input = join(dir, 'garbage.jsonl')
    await writeFile(input, Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])))
    const rejects = join(dir, 'rejects.jsonl')
    const result = await runCli(['dedup', input, '--rejects', rejects, '--quiet'])
    expect(result.code).toBe(0)
    const written = jsonLines(result.stdout).length
    const rejected = jsonLines(await readFile(rejects, 'utf8')).length
    const nonBlank = lines.filter((line) => line.toString('utf8').trim() !== '').length
    expect(written + rejected).toBe(nonBlank)
  })

  it('cleans and clusters text files of random bytes and control characters without failing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'winnow-garbage-'))
    made.push(dir)
    const next = random(11)
    for (let i = 0; i < 20; i++) {
      const bytes = garbageBytes(next, 2000).map((b) => (b === 0 ? 0x20 : b))
      await writeFile(join(dir, `page-${i}.txt`), bytes)
    }
    await writeFile(join(dir, 'long-line.txt'), 'x'.repeat(2_000_000))
    await writeFile(join(dir, 'controls.txt'), '\u0007\u001b[31m\r\r\n\t\v\f'.repeat(500))
    const result = await runCli(['dedup', dir, '--quiet'])
    expect(result.code).toBe(0)
    expect(jsonLines(result.stdout)).toHaveLength(22)
  })
})
