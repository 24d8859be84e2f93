// Variable-length hash sets written to a temporary file and read back by document number.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** An append-only file of Uint32Array records. */
export interface SetSpill {
  /** Append a record; records are numbered from 0 in the order appended. */
  append(values: Uint32Array): void
  /** Read record `index` back (after {@link SetSpill.finish}). */
  read(index: number): Uint32Array
  /** Length of record `index`, without reading it. */
  length(index: number): number
  /**
   * Every record in order (after {@link SetSpill.finish}), read in large blocks: one system call
   * per block rather than per record. Each record has a buffer of its own.
   */
  inOrder(): Generator<Uint32Array>
  readonly count: number
  /** Write out what is buffered; appending after this is an error. */
  finish(): void
  /** Close the file and delete it. */
  close(): void
}

// Writes are gathered into blocks of this many bytes: one system call per block, not per record.
const BLOCK_BYTES = 1 << 22

/**
 * Create a spill file `name` in `dir`. Memory per record is an offset and a length (12 bytes);
 * the values themselves live in the file (and the page cache), so a run's verification sets cost
 * disk, not heap.
 *
 * @example
 * const sets = createSetSpill(tempDir, 'sets-final')
 * sets.append(Uint32Array.of(1, 2))
 * sets.finish()
 * sets.read(0) // Uint32Array [1, 2]
 */
export function createSetSpill(dir: string, name: string): SetSpill {
  const path = join(dir, name)
  const fd = openSync(path, 'w+')
  let offsets = new Float64Array(1024)
  let lengths = new Uint32Array(1024)
  let count = 0
  let written = 0
  let block = new Uint8Array(BLOCK_BYTES)
  let used = 0
  let finished = false

  const flush = () => {
    if (used > 0) writeSync(fd, block, 0, used, written - used)
    used = 0
  }

  return {
    append(values) {
      if (finished) throw new Error(`spill ${name}: append after finish`)
      if (count === offsets.length) {
        offsets = grow(offsets)
        lengths = grow(lengths)
      }
      const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
      offsets[count] = written
      lengths[count] = values.length
      count++
      if (used + bytes.length > block.length) flush()
      if (bytes.length > block.length) {
        writeSync(fd, bytes, 0, bytes.length, written)
      } else {
        block.set(bytes, used)
        used += bytes.length
      }
      written += bytes.length
    },
    read(index) {
      const values = new Uint32Array(lengths[index] ?? 0)
      if (values.length > 0) readSync(fd, values, 0, values.byteLength, offsets[index] ?? 0)
      return values
    },
    length: (index) => lengths[index] ?? 0,
    *inOrder() {
      let buffer = new Uint8Array(BLOCK_BYTES)
      // The file bytes from `bufferStart` on are in `buffer`, up to `bufferEnd`.
      let bufferStart = 0
      let bufferEnd = 0
      for (let i = 0; i < count; i++) {
        const start = offsets[i] ?? 0
        const end = start + 4 * (lengths[i] ?? 0)
        if (end > bufferEnd) {
          if (end - start > buffer.length) buffer = new Uint8Array(end - start)
          const want = Math.min(buffer.length, written - start)
          let read = 0
          while (read < want) {
            const got = readSync(fd, buffer, read, want - read, start + read)
            if (got === 0) throw new Error(`spill ${name}: the file ends before record ${i}`)
            read += got
          }
          bufferStart = start
          bufferEnd = start + read
        }
        const record = new Uint32Array(lengths[i] ?? 0)
        new Uint8Array(record.buffer).set(buffer.subarray(start - bufferStart, end - bufferStart))
        yield record
      }
    },
    get count() {
      return count
    },
    finish() {
      flush()
      finished = true
      block = new Uint8Array(0)
    },
    close() {
      closeSync(fd)
      rmSync(path, { force: true })
    },
  }
}

function grow<T extends Float64Array | Uint32Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2)
  bigger.set(array)
  return bigger
}
