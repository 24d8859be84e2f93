// LSH band keys of every document written to a temporary file, read back one band at a time.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** An append-only table of `bands` 32-bit keys per document, read by column or by row. */
export interface BandSpill {
  append(keys: Uint32Array): void
  /** Every document's key for one band, in document order (after {@link BandSpill.finish}). */
  readBand(band: number): Uint32Array
  /**
   * A document's keys of bands 0 to `bands - 1` into `into` at `at` (after
   * {@link BandSpill.finish}).
   */
  readRow(doc: number, bands: number, into: Uint32Array, at: number): void
  readonly count: number
  finish(): void
  /** Close the file and delete it. */
  close(): void
}

// Documents per chunk: a chunk is stored band by band, so reading one band reads one run of
// 4 × CHUNK bytes per chunk.
const CHUNK = 8192

// Rows (every band of one document) are buffered this many documents at a time before a write.
const ROW_BLOCK = 1024

/**
 * Create a band spill `name` in `dir`. Only the current chunk is held in memory (4 × bands ×
 * 8192 bytes, 2 MB for 64 bands); clustering then holds one band (4 bytes a document) at a time.
 * Each document's keys are also written as one row, to a second file, so that clustering can ask
 * which bands two documents already shared.
 *
 * @example
 * const spill = createBandSpill(tempDir, 'bands', 64)
 * spill.append(bandHashes(signature, 64, 2))
 * spill.finish()
 * spill.readBand(0)
 */
export function createBandSpill(dir: string, name: string, bands: number): BandSpill {
  const path = join(dir, name)
  const fd = openSync(path, 'w+')
  const rowsPath = `${path}-rows`
  const rowsFd = openSync(rowsPath, 'w+')
  const rows = new Uint32Array(ROW_BLOCK * bands)
  let rowsHeld = 0
  const flushRows = () => {
    if (rowsHeld > 0) writeSync(rowsFd, rows, 0, rowsHeld * bands * 4)
    rowsHeld = 0
  }
  const chunk = new Uint32Array(CHUNK * bands)
  const chunkBytes = chunk.byteLength
  let count = 0
  let finished = false

  const flush = () => {
    const inChunk = count % CHUNK === 0 ? CHUNK : count % CHUNK
    if (count === 0) return
    writeSync(fd, chunk, 0, chunkBytes, Math.floor((count - 1) / CHUNK) * chunkBytes)
    if (inChunk === CHUNK) chunk.fill(0)
  }

  return {
    append(keys) {
      if (finished) throw new Error(`spill ${name}: append after finish`)
      if (keys.length !== bands)
        throw new RangeError(`spill ${name}: ${keys.length} keys, not ${bands}`)
      const slot = count % CHUNK
      for (let band = 0; band < bands; band++) chunk[band * CHUNK + slot] = keys[band] ?? 0
      rows.set(keys, rowsHeld * bands)
      if (++rowsHeld === ROW_BLOCK) flushRows()
      count++
      if (count % CHUNK === 0) flush()
    },
    readBand(band) {
      const column = new Uint32Array(count)
      for (let start = 0; start < count; start += CHUNK) {
        const docs = Math.min(CHUNK, count - start)
        const position = (start / CHUNK) * chunkBytes + band * CHUNK * 4
        readSync(fd, column, start * 4, docs * 4, position)
      }
      return column
    },
    readRow(doc, upTo, into, at) {
      if (upTo > 0) readSync(rowsFd, into, at * 4, upTo * 4, doc * bands * 4)
    },
    get count() {
      return count
    },
    finish() {
      if (!finished && count % CHUNK !== 0) flush()
      if (!finished) flushRows()
      finished = true
    },
    close() {
      closeSync(fd)
      closeSync(rowsFd)
      rmSync(path, { force: true })
      rmSync(rowsPath, { force: true })
    },
  }
}
