// Tests for splitting a byte stream into numbered lines.
import { describe, expect, it } from 'vitest'
import { splitLines } from './split-lines.js'

async function* from<T>(items: T[]): AsyncGenerator<T> {
  yield* items
}

async function lines(chunks: (string | Uint8Array)[]): Promise<[number, string][]> {
  const out: [number, string][] = []
  for await (const { line, bytes } of splitLines(from(chunks)))
    out.push([line, Buffer.from(bytes).toString('utf8')])
  return out
}

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

describe('splitLines', () => {
  it('numbers lines from 1, keeps blank ones and drops \\n and \\r\\n', async () => {
    expect(await lines(['a\r\n\nb\n', 'c'])).toEqual([
      [1, 'a'],
      [2, ''],
      [3, 'b'],
      [4, 'c'],
    ])
  })

  it('joins a line split across chunks, also inside a multi-byte character', async () => {
    const bytes = Buffer.from('é1\nxé2\n')
    expect(await lines([bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5)])).toEqual([
      [1, 'é1'],
      [2, 'xé2'],
    ])
  })

  it('yields no extra line after a final newline', async () => {
    expect(await lines(['a\n'])).toEqual([[1, 'a']])
    expect(await lines([])).toEqual([])
  })

  it('streams a line of many megabytes arriving in small chunks', async () => {
    const long = 'x'.repeat(20 * 1024 * 1024)
    const bytes = Buffer.from(`short\n${long}\nend`)
    const out: [number, number][] = []
    for await (const { line, bytes: lineBytes } of splitLines(chunksOf(bytes, 64 * 1024)))
      out.push([line, lineBytes.length])
    expect(out).toEqual([
      [1, 5],
      [2, long.length],
      [3, 3],
    ])
  })

  it('passes a source error on after the lines read before it', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from('one\ntw')
      throw new Error('disk gone')
    }
    const seen: number[] = []
    await expect(async () => {
      for await (const { line } of splitLines(broken())) seen.push(line)
    }).rejects.toThrow('disk gone')
    expect(seen).toEqual([1])
  })
})
