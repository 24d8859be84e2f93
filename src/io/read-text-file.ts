// Read a .txt or .md file as one document; binary and unreadable files become rejects.
import { readFile } from 'node:fs/promises'
import type { InputRecord } from '../types.js'
import { decodeUtf8, documentFlags, findNul } from './decode-text.js'

/**
 * Read the file at `path` as one document with the given id. Never throws: a file that cannot
 * be read is an `unreadable_path` reject, and one with a NUL byte in its first 8 KiB is a
 * `binary_file` reject. Invalid UTF-8 is replaced and flagged, a BOM is dropped, and an empty
 * or whitespace-only file is kept and flagged `empty`. `site` is left unset: a plain file says
 * nothing about where it came from.
 *
 * @example
 * await readTextFile('pages/a/1.txt', 'a/1.txt')
 * // { kind: 'document', id: 'a/1.txt', text: '…', source: 'pages/a/1.txt' }
 */
export async function readTextFile(path: string, id: string): Promise<InputRecord> {
  let bytes: Uint8Array
  try {
    // readFile opens and closes the file itself, also when reading fails partway.
    bytes = await readFile(path)
  } catch (error) {
    const reason = `cannot read: ${(error as Error).message}`
    return { kind: 'reject', source: path, id, code: 'unreadable_path', reason }
  }
  const nul = findNul(bytes)
  if (nul >= 0) {
    const reason = `binary file (NUL byte at offset ${nul})`
    return { kind: 'reject', source: path, id, code: 'binary_file', reason }
  }
  const { text, invalidUtf8 } = decodeUtf8(bytes)
  const flags = documentFlags(text, invalidUtf8)
  return { kind: 'document', id, text, source: path, ...(flags.length > 0 ? { flags } : {}) }
}
