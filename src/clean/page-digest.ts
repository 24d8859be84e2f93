// A measured page with its line hashes as one flat array, to keep between a run's passes.
import { lineKey } from '../text/normalize.js'
import type { LineHashes } from './line-hashes.js'
import type { MeasuredPage, PageLine } from './page-lines.js'

/**
 * A run measures each page and hashes its lines when it counts the page's template keys, then
 * cleans it twice. Measuring (splitting, tokenising, normalising every line) and hashing are
 * most of a cleaning's work, so the first count keeps them as a digest: the two cleanings read
 * the page back from it instead of measuring again. The page's text is not in the digest, only
 * where each line starts in it: about 60 bytes a line, 10 a distinct word and 2 a word.
 *
 * Layout (one ArrayBuffer; wider sections first, so that each section is aligned):
 * - header, 4 × u32: lines L, distinct words W, tokens T, 0
 * - f64: seed; word hashes (W); line, label, suffix, shape, prose, seeded hashes (L each)
 * - u32: line starts (L), line lengths (L), token ends (L)
 * - u16 (u32 for a page of more than 65,536 distinct words): tokens (T)
 * - u8: prose (L), link (L), numeric words (W), word lengths (W; 255 for any longer word),
 *   padding to a multiple of 8 bytes
 */
export type PageDigest = Uint32Array

const HEADER_WORDS = 4
const LINE_HASH_KINDS = 6
// Word lengths are kept up to this; cleaning only asks whether a word is short.
const MAX_WORD_LENGTH = 255

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
  const layout = layoutOf(lines.length, words.hashes.length, tokenCount)
  const buffer = new ArrayBuffer(layout.bytes)
  new Uint32Array(buffer, 0, HEADER_WORDS).set([lines.length, words.hashes.length, tokenCount, 0])
  const view = viewsOf(buffer, layout)
  view.seed[0] = hashes.seed
  view.wordHashes.set(words.hashes)
  words.lengths.forEach((length, i) => (view.wordLengths[i] = Math.min(length, MAX_WORD_LENGTH)))
  view.numeric.set(words.numeric)
  for (const [name, column] of lineColumns(hashes)) view.lineHashes[name].set(column)
  view.link.set(hashes.link)
  let token = 0
  lines.forEach((line, i) => {
    view.starts[i] = line.start
    view.lengths[i] = line.text.length
    view.prose[i] = line.prose ? 1 : 0
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
  const [lineCount = 0, wordCount = 0, tokenCount = 0] = digest
  const layout = layoutOf(lineCount, wordCount, tokenCount)
  if (layout.bytes !== buffer.byteLength) {
    throw new Error(
      `a page digest of ${buffer.byteLength} bytes, where its header says ${layout.bytes}`,
    )
  }
  const view = viewsOf(buffer as ArrayBuffer, layout)
  const lines: PageLine[] = []
  let token = 0
  for (let i = 0; i < lineCount; i++) {
    const start = view.starts[i] ?? 0
    const tokens: number[] = []
    for (const end = view.tokenEnds[i] ?? 0; token < end; token++)
      tokens.push(view.tokens[token] ?? 0)
    const lineText = text.slice(start, start + (view.lengths[i] ?? 0))
    lines.push(new StoredLine(i, start, lineText, tokens, view.prose[i] === 1))
  }
  return {
    lines,
    words: {
      hashes: view.wordHashes,
      numeric: view.numeric,
      lengths: new Uint32Array(view.wordLengths),
    },
    hashes: { seed: view.seed[0] ?? 0, ...view.lineHashes, link: view.link },
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

type LineHashName = 'line' | 'label' | 'suffix' | 'shape' | 'prose' | 'seeded'

function lineColumns(hashes: LineHashes): [LineHashName, Float64Array][] {
  return [
    ['line', hashes.line],
    ['label', hashes.label],
    ['suffix', hashes.suffix],
    ['shape', hashes.shape],
    ['prose', hashes.prose],
    ['seeded', hashes.seeded],
  ]
}

interface Layout {
  lines: number
  words: number
  tokens: number
  bytes: number
}

function layoutOf(lines: number, words: number, tokens: number): Layout {
  const f64 = 1 + words + LINE_HASH_KINDS * lines
  const u32 = 3 * lines
  const tokenBytes = tokens * tokenSize(words)
  const u8 = 2 * lines + 2 * words
  const unpadded = 4 * HEADER_WORDS + 8 * f64 + 4 * u32 + tokenBytes + u8
  return { lines, words, tokens, bytes: Math.ceil(unpadded / 8) * 8 }
}

// Typed views of every section of a digest's buffer, in layout order.
function viewsOf(buffer: ArrayBuffer, { lines, words, tokens }: Layout) {
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
  const seed = f64(1)
  const wordHashes = f64(words)
  const lineHashes = {
    line: f64(lines),
    label: f64(lines),
    suffix: f64(lines),
    shape: f64(lines),
    prose: f64(lines),
    seeded: f64(lines),
  }
  const starts = u32(lines)
  const lengths = u32(lines)
  const tokenEnds = u32(lines)
  const tokenView = tokenSize(words) === 2 ? u16(tokens) : u32(tokens)
  const prose = u8(lines)
  const link = u8(lines)
  const numeric = u8(words)
  const wordLengths = u8(words)
  return {
    seed,
    wordHashes,
    lineHashes,
    starts,
    lengths,
    tokenEnds,
    wordLengths,
    tokens: tokenView,
    prose,
    link,
    numeric,
  }
}

// Bytes a token takes: word numbers of most pages fit 16 bits.
function tokenSize(words: number): number {
  return words <= 0x10000 ? 2 : 4
}
