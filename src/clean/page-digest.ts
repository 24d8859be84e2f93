// A measured page with its line hashes as one flat array, to keep between a run's passes.
import { lineKey } from '../text/normalize.js'
import { NO_HASH, type LineHashes } from './line-hashes.js'
import type { MeasuredPage, PageLine } from './page-lines.js'

/**
 * A run measures each page and hashes its lines when it counts the page's template keys, then
 * cleans it twice. Measuring (splitting, tokenising, normalising every line) and hashing are
 * most of a cleaning's work, so the first count keeps them as a digest: the two cleanings read
 * the page back from it instead of measuring again. The page's text is not in the digest, only
 * where each line starts in it: about 30 bytes a line, 10 a distinct word and 2 a word.
 *
 * Layout (one ArrayBuffer; wider sections first, so that each section is aligned):
 * - header, 4 × u32: lines L, distinct words W, tokens T, optional line hashes H
 * - f64: seed; word hashes (W); line and seeded hashes (L each); then, line by line, those of
 *   its label, suffix, shape and prose hashes that it has (H in all: most lines have few)
 * - u32: line starts (L), line lengths (L), token ends (L)
 * - u16 (u32 for a page of more than 65,536 distinct words): tokens (T)
 * - u8: line flags (L: prose, link, and which optional hashes follow), numeric words (W), word
 *   lengths (W; 255 for any longer word), padding to a multiple of 8 bytes
 */
export type PageDigest = Uint32Array

const HEADER_WORDS = 4
// Word lengths are kept up to this; cleaning only asks whether a word is short.
const MAX_WORD_LENGTH = 255
// Line flags.
const PROSE = 1
const LINK = 2
// The optional hashes, in the order a line's are stored, each with its flag.
const OPTIONAL: readonly ['label' | 'suffix' | 'shape' | 'prose', number][] = [
  ['label', 4],
  ['suffix', 8],
  ['shape', 16],
  ['prose', 32],
]

/**
 * Write a measured, hashed page (see `lineHashesOf`) as a digest.
 *
 * @example
 * const page = measurePage(text)
 * lineHashesOf(page, hashString(site))
 * const digest = encodePage(page)
 */
export function encodePage(page: MeasuredPage): PageDigest {
  const { lines, words, hashes } = page
  if (hashes === undefined) throw new Error('a page is digested after its lines are hashed')
  const tokenCount = lines.reduce((sum, line) => sum + line.tokens.length, 0)
  let optional = 0
  for (const [name] of OPTIONAL) for (const hash of hashes[name]) if (hash !== NO_HASH) optional++
  const layout = layoutOf(lines.length, words.hashes.length, tokenCount, optional)
  const buffer = new ArrayBuffer(layout.bytes)
  new Uint32Array(buffer, 0, HEADER_WORDS).set([
    lines.length,
    words.hashes.length,
    tokenCount,
    optional,
  ])
  const view = viewsOf(buffer, layout)
  view.seed[0] = hashes.seed
  view.wordHashes.set(words.hashes)
  words.lengths.forEach((length, i) => (view.wordLengths[i] = Math.min(length, MAX_WORD_LENGTH)))
  view.numeric.set(words.numeric)
  view.line.set(hashes.line)
  view.seeded.set(hashes.seeded)
  let token = 0
  let packed = 0
  lines.forEach((line, i) => {
    view.starts[i] = line.start
    view.lengths[i] = line.text.length
    let flags = (line.prose ? PROSE : 0) | (hashes.link[i] === 1 ? LINK : 0)
    for (const [name, flag] of OPTIONAL) {
      const hash = hashes[name][i] ?? NO_HASH
      if (hash === NO_HASH) continue
      flags |= flag
      view.optional[packed++] = hash
    }
    view.flags[i] = flags
    for (const word of line.tokens) view.tokens[token++] = word
    view.tokenEnds[i] = token
  })
  return new Uint32Array(buffer)
}

/**
 * The page a digest was made of, given the page's text: its lines (their keys worked out only
 * when asked for), words and line hashes, as `measurePage` and `lineHashesOf` gave them.
 *
 * @example
 * decodePage(text, encodePage(page)).lines[0].text === page.lines[0].text // true
 */
export function decodePage(text: string, digest: PageDigest): MeasuredPage {
  const buffer = digest.buffer
  if (digest.byteOffset !== 0 || digest.length < HEADER_WORDS) {
    throw new Error('a page digest must be a whole buffer of its own')
  }
  const [lineCount = 0, wordCount = 0, tokenCount = 0, optionalCount = 0] = digest
  const layout = layoutOf(lineCount, wordCount, tokenCount, optionalCount)
  if (layout.bytes !== buffer.byteLength) {
    throw new Error(
      `a page digest of ${buffer.byteLength} bytes, where its header says ${layout.bytes}`,
    )
  }
  const view = viewsOf(buffer as ArrayBuffer, layout)
  const lines: PageLine[] = []
  const absent = () => new Float64Array(lineCount).fill(NO_HASH)
  const hashes: LineHashes = {
    seed: view.seed[0] ?? 0,
    line: view.line,
    seeded: view.seeded,
    label: absent(),
    suffix: absent(),
    shape: absent(),
    prose: absent(),
    link: new Uint8Array(lineCount),
  }
  let token = 0
  let packed = 0
  for (let i = 0; i < lineCount; i++) {
    const start = view.starts[i] ?? 0
    const flags = view.flags[i] ?? 0
    const tokens: number[] = []
    for (const end = view.tokenEnds[i] ?? 0; token < end; token++)
      tokens.push(view.tokens[token] ?? 0)
    const lineText = text.slice(start, start + (view.lengths[i] ?? 0))
    lines.push(new StoredLine(i, start, lineText, tokens, (flags & PROSE) !== 0))
    hashes.link[i] = (flags & LINK) !== 0 ? 1 : 0
    for (const [name, flag] of OPTIONAL) {
      if ((flags & flag) !== 0) hashes[name][i] = view.optional[packed++] ?? NO_HASH
    }
  }
  return {
    lines,
    words: {
      hashes: view.wordHashes,
      numeric: view.numeric,
      lengths: new Uint32Array(view.wordLengths),
    },
    hashes,
  }
}

// A line read back from a digest. Its key is needed only now and then (a browser title is
// recognised by it), so it is normalised from the text on first use, as measuring made it.
class StoredLine implements PageLine {
  #key: string | undefined
  constructor(
    readonly index: number,
    readonly start: number,
    readonly text: string,
    readonly tokens: number[],
    readonly prose: boolean,
  ) {}
  get key(): string {
    this.#key ??= lineKey(this.text)
    return this.#key
  }
}

interface Layout {
  lines: number
  words: number
  tokens: number
  optional: number
  bytes: number
}

function layoutOf(lines: number, words: number, tokens: number, optional: number): Layout {
  const f64 = 1 + words + 2 * lines + optional
  const u32 = 3 * lines
  const tokenBytes = tokens * tokenSize(words)
  const u8 = lines + 2 * words
  const unpadded = 4 * HEADER_WORDS + 8 * f64 + 4 * u32 + tokenBytes + u8
  return { lines, words, tokens, optional, bytes: Math.ceil(unpadded / 8) * 8 }
}

// Typed views of every section of a digest's buffer, in layout order.
function viewsOf(buffer: ArrayBuffer, { lines, words, tokens, optional }: Layout) {
  let offset = 4 * HEADER_WORDS
  const take = <T>(make: (at: number, n: number) => T, n: number, size: number): T => {
    const view = make(offset, n)
    offset += n * size
    return view
  }
  const f64 = (n: number) => take((at, k) => new Float64Array(buffer, at, k), n, 8)
  const u32 = (n: number) => take((at, k) => new Uint32Array(buffer, at, k), n, 4)
  const u16 = (n: number) => take((at, k) => new Uint16Array(buffer, at, k), n, 2)
  const u8 = (n: number) => take((at, k) => new Uint8Array(buffer, at, k), n, 1)
  return {
    seed: f64(1),
    wordHashes: f64(words),
    line: f64(lines),
    seeded: f64(lines),
    optional: f64(optional),
    starts: u32(lines),
    lengths: u32(lines),
    tokenEnds: u32(lines),
    tokens: tokenSize(words) === 2 ? u16(tokens) : u32(tokens),
    flags: u8(lines),
    numeric: u8(words),
    wordLengths: u8(words),
  }
}

// Bytes a token takes: word numbers of most pages fit 16 bits.
function tokenSize(words: number): number {
  return words <= 0x10000 ? 2 : 4
}
