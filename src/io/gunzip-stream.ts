// Gunzip a byte stream for a consumer that iterates it, and may stop early.
import { pipeline } from 'node:stream'
import { createGunzip } from 'node:zlib'

/**
 * The decompressed bytes of `bytes`, member after member (as per-record gzip needs). Errors reach
 * the consumer's `for await`: a source error destroys the gunzipper, and a truncated or corrupt
 * stream fails it. A consumer that stops early destroys the source. zlib can still report a
 * truncated last member after the consumer has stopped listening; that report has nobody left to
 * tell, and without a listener of its own it would crash the process.
 *
 * @example
 * for await (const chunk of gunzipStream(createReadStream('pages.jsonl.gz'))) …
 */
export function gunzipStream(bytes: AsyncIterable<Uint8Array | string>): AsyncIterable<Uint8Array> {
  const gunzipper = createGunzip()
  gunzipper.on('error', () => {})
  pipeline(bytes, gunzipper, () => {})
  return gunzipper
}
