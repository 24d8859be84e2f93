import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBandSpill } from './band-spill.js'
import { createLineSpill } from './line-spill.js'
import { createSetSpill } from './set-spill.js'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'winnow-spill-test-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('createSetSpill', () => {
  it('reads back each record, including empty and subarray ones', () => {
    const spill = createSetSpill(dir, 'sets')
    const big = Uint32Array.from({ length: 2_000_000 }, (_, i) => i * 3)
    spill.append(Uint32Array.of(1, 2, 3))
    spill.append(new Uint32Array(0))
    spill.append(Uint32Array.of(9, 8, 7, 6).subarray(1, 3))
    spill.append(big)
    spill.finish()
    expect([...spill.read(0)]).toEqual([1, 2, 3])
    expect(spill.read(1)).toHaveLength(0)
    expect([...spill.read(2)]).toEqual([8, 7])
    const back = spill.read(3)
    expect(back.length === big.length && back.every((value, i) => value === big[i])).toBe(true)
    expect(spill.length(3)).toBe(2_000_000)
    expect(() => spill.append(Uint32Array.of(1))).toThrow(/after finish/)
    spill.close()
  })

  it('reads every record back in order, each in a buffer of its own, across blocks', () => {
    const spill = createSetSpill(dir, 'sets')
    // Records of 0 to 1,500 values: many per 4 MB block, and some cut by a block's end; one
    // larger than a block.
    const records = Array.from({ length: 6000 }, (_, r) =>
      Uint32Array.from({ length: (r * 37) % 1501 }, (_, i) => r * 7 + i),
    )
    records.splice(
      3000,
      0,
      Uint32Array.from({ length: 1_500_000 }, (_, i) => i),
    )
    for (const record of records) spill.append(record)
    spill.finish()
    const back = [...spill.inOrder()]
    expect(back).toHaveLength(records.length)
    expect(
      back.every(
        (record) => record.byteOffset === 0 && record.length === record.buffer.byteLength / 4,
      ),
    ).toBe(true)
    expect(back.every((record, r) => record.every((value, i) => value === records[r]?.[i]))).toBe(
      true,
    )
    expect(back.map((record) => record.length)).toEqual(records.map((record) => record.length))
    spill.close()
  })
})

describe('createBandSpill', () => {
  it('reads every document of one band back in order, across chunks', () => {
    const bands = 3
    const spill = createBandSpill(dir, 'bands', bands)
    const docs = 20_000
    for (let d = 0; d < docs; d++) spill.append(Uint32Array.of(d, d * 2, 0xffffffff - d))
    expect(() => spill.append(Uint32Array.of(1, 2))).toThrow(RangeError)
    spill.finish()
    const middle = spill.readBand(1)
    expect(middle).toHaveLength(docs)
    expect(middle[0]).toBe(0)
    expect(middle[8192]).toBe(16384)
    expect(middle[docs - 1]).toBe((docs - 1) * 2)
    expect(spill.readBand(2)[12345]).toBe(0xffffffff - 12345)
    spill.close()
  })
})

describe('createLineSpill', () => {
  it('gives the lines back in order', async () => {
    const spill = createLineSpill(dir, 'lines')
    const lines = Array.from({ length: 5000 }, (_, i) => JSON.stringify(['x'.repeat(i % 300), i]))
    for (const line of lines) spill.append(line)
    spill.finish()
    const read: string[] = []
    for await (const line of spill.lines()) read.push(line)
    expect(read).toEqual(lines)
  })

  it('keeps multi-byte characters and lines longer than a read chunk whole', async () => {
    const spill = createLineSpill(dir, 'lines')
    // Odd lengths of three-byte characters put chunk boundaries inside characters and lines.
    const lines = Array.from({ length: 3000 }, (_, i) => `${i} ${'€“é'.repeat(i % 701)}`)
    lines.push('long '.repeat(500_000), '東京'.repeat(400_000), 'end')
    for (const line of lines) spill.append(line)
    spill.finish()
    const read: string[] = []
    for await (const line of spill.lines()) read.push(line)
    expect(read).toEqual(lines)
  })
})
