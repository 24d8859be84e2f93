// Tests for writing JSON Lines with backpressure and opening the output.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openOutput, writeJsonl } from './write-jsonl.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winnow-out-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

// A sink that takes one chunk per tick and holds at most one, so every write fills it.
function slowSink(lines: string[]): Writable {
  return new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'))
      setImmediate(done)
    },
  })
}

describe('writeJsonl', () => {
  it('writes one JSON line per record, from sync or async iterables', async () => {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (chunk: Buffer) => chunks.push(chunk))
    await writeJsonl([{ id: 'a' }], out)
    await writeJsonl(
      (async function* () {
        yield { id: 'b', text: 'line\nbreak' }
      })(),
      out,
    )
    expect(Buffer.concat(chunks).toString('utf8')).toBe(
      '{"id":"a"}\n{"id":"b","text":"line\\nbreak"}\n',
    )
  })

  it('pulls the next record only once the stream has room', async () => {
    const lines: string[] = []
    let pulled = 0
    function* records() {
      for (let i = 0; i < 50; i++) {
        pulled++
        // Never more than one line ahead of what the sink has taken.
        expect(pulled - lines.length).toBeLessThanOrEqual(2)
        yield { i }
      }
    }
    await writeJsonl(records(), slowSink(lines))
    expect(pulled).toBe(50)
  })

  it('rejects when the stream fails', async () => {
    const broken = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, done) {
        done(new Error('EPIPE: broken pipe'))
      },
    })
    await expect(writeJsonl([{ a: 1 }, { a: 2 }, { a: 3 }], broken)).rejects.toThrow('EPIPE')
  })
})

describe('openOutput', () => {
  it('writes to a file and closes it', async () => {
    const path = join(dir, 'out.jsonl')
    const output = await openOutput(path, new PassThrough())
    await writeJsonl([{ id: 'a' }, { id: 'b' }], output.stream)
    await output.close()
    expect(await readFile(path, 'utf8')).toBe('{"id":"a"}\n{"id":"b"}\n')
  })

  it('uses stdout for no path or "-" and leaves it open', async () => {
    const stdout = new PassThrough()
    for (const path of [undefined, '-']) {
      const output = await openOutput(path, stdout)
      expect(output.stream).toBe(stdout)
      await output.close()
    }
    expect(stdout.writableEnded).toBe(false)
  })

  it('rejects an unwritable path before anything is written', async () => {
    await expect(openOutput(join(dir, 'missing', 'out.jsonl'), new PassThrough())).rejects.toThrow(
      'ENOENT',
    )
  })
})
