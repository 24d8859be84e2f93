// WARC framing with warcio, checked: a record whose declared length is wrong is noticed and the
// stream picks up again at the next record, instead of warcio's console warning.
import type { WARCParser, WARCRecord } from 'warcio'

const EMPTY = new Uint8Array()
const decoder = new TextDecoder()
// Lines read while looking for the next record after a misaligned one, before giving up.
const MAX_RESYNC_LINES = 1_000_000

/** A record with where it starts and whether the record before it ended where it said. */
export interface CheckedRecord {
  record: WARCRecord
  /** Byte offset of the record in the (uncompressed) stream. */
  offset: number
  /** Set when the previous record was not followed by the blank line that must end it. */
  previousMisaligned: boolean
}

interface CheckedParser extends WARCParser {
  misaligned: boolean
}

// warcio's parser, with the step between records replaced: the original warns on the console
// when a record's Content-Length is too small and may then read the rest as a garbage record.
// warcio is loaded on first use, so runs that read no WARC file never load it.
let checkedParser: Promise<new (bytes: AsyncIterable<Uint8Array>) => CheckedParser> | undefined

function loadCheckedParser(): Promise<new (bytes: AsyncIterable<Uint8Array>) => CheckedParser> {
  checkedParser ??= import('warcio').then(({ WARCParser }) => {
    return class extends WARCParser implements CheckedParser {
      misaligned = false

      constructor(bytes: AsyncIterable<Uint8Array>) {
        super(bytes, { parseHttp: false, keepHeadersCase: false })
      }

      override async readToNextRecord(): Promise<Uint8Array | null> {
        if (this._record === null) return EMPTY
        await this._record.skipFully()
        let line = await this._reader.readlineRaw()
        for (let read = 0; line !== null && read < MAX_RESYNC_LINES; read++) {
          if (isWarcLine(line)) break
          if (!isBlank(line)) this.misaligned = true
          line = await this._reader.readlineRaw()
        }
        this._offset = this._reader.getRawOffset() - (line?.length ?? 0)
        return line
      }
    }
  })
  return checkedParser
}

/**
 * Iterate the records of an uncompressed WARC stream. Errors from `bytes` (a gzip stream that
 * breaks off) and from warcio reach the caller's `for await`, as does a last record that does
 * not end where its Content-Length says.
 *
 * @example
 * for await (const { record, offset } of warcRecords(stream)) console.log(offset, record.warcType)
 */
export async function* warcRecords(
  bytes: AsyncIterable<Uint8Array>,
): AsyncGenerator<CheckedRecord> {
  const Parser = await loadCheckedParser()
  const parser = new Parser(bytes)
  for (;;) {
    const record = await parser.parse()
    if (record === null) {
      if (parser.misaligned)
        throw new Error('the last record is longer than its declared Content-Length')
      return
    }
    const previousMisaligned = parser.misaligned
    parser.misaligned = false
    yield { record, offset: parser.offset, previousMisaligned }
  }
}

function isWarcLine(line: Uint8Array): boolean {
  return line.length >= 8 && decoder.decode(line.subarray(0, 6)) === 'WARC/1'
}

function isBlank(line: Uint8Array): boolean {
  return line.every((byte) => byte === 10 || byte === 13)
}
