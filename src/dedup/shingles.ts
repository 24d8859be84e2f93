// Word and character n-gram shingles as 32-bit hashes, built from unit hashes without joining strings.
import { fmix32, hash32, hashCodePoint } from './hash32.js'

/**
 * Distinct hashes of every run of `size` consecutive tokens, sorted ascending. Each token is
 * hashed once; a shingle mixes its tokens' hashes in order, so "a b c" and "c b a" differ.
 * Fewer tokens than `size` make one shingle of them all; no tokens make none.
 *
 * @example
 * shingleHashes(['oil', 'prices', 'rose', 'today'], 3).length // 2
 */
export function shingleHashes(tokens: readonly string[], size: number): Uint32Array {
  checkSize(size)
  const unitHashes = new Uint32Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) unitHashes[i] = hash32(tokens[i] ?? '')
  return combineUnits(unitHashes, size)
}

/**
 * {@link shingleHashes} of tokens already hashed by `hash32` (the array is only read).
 *
 * @example
 * shingleHashesOfUnits(Uint32Array.from(['oil', 'rose'], (t) => hash32(t)), 3).length // 1
 */
export function shingleHashesOfUnits(unitHashes: Uint32Array, size: number): Uint32Array {
  checkSize(size)
  return combineUnits(unitHashes, size)
}

/**
 * Distinct hashes of every run of `size` consecutive characters (code points) once whitespace
 * is removed, for scripts written without spaces. A character hashes as the one-character
 * token would, so the result equals `shingleHashes` over the characters as tokens.
 *
 * @example
 * charShingleHashes('東京 で雨', 2).length // 3: 東京, 京で, で雨
 */
export function charShingleHashes(text: string, size: number): Uint32Array {
  checkSize(size)
  const unitHashes = new Uint32Array(text.length)
  let count = 0
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i) ?? 0
    i += codePoint > 0xffff ? 2 : 1
    if (!isWhitespace(codePoint)) unitHashes[count++] = hashCodePoint(codePoint)
  }
  return combineUnits(unitHashes.subarray(0, count), size)
}

/**
 * Sort a hash array and drop repeats, in place; returns the distinct prefix.
 *
 * @example
 * sortedUnique(Uint32Array.of(3, 1, 3)) // Uint32Array [1, 3]
 */
export function sortedUnique(values: Uint32Array): Uint32Array {
  values.sort()
  let kept = 0
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[kept - 1]) values[kept++] = values[i] ?? 0
  }
  return values.subarray(0, kept)
}

// Each shingle folds its units' hashes in order (xor and multiply as in FNV-1a, then fmix32, with
// the position j added), so the same tokens in another order make another shingle. It costs
// `size` mixes a shingle and never builds the joined string.
function combineUnits(unitHashes: Uint32Array, size: number): Uint32Array {
  if (unitHashes.length === 0) return new Uint32Array(0)
  const width = Math.min(size, unitHashes.length)
  const count = unitHashes.length - width + 1
  const shingles = new Uint32Array(count)
  for (let start = 0; start < count; start++) {
    let h = 0x811c9dc5
    for (let j = 0; j < width; j++) {
      h = fmix32(Math.imul(h ^ (unitHashes[start + j] ?? 0), 0x01000193) + j)
    }
    shingles[start] = h
  }
  return sortedUnique(shingles)
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`shingle size must be a positive integer, got ${size}`)
  }
}

// Exactly the code points JavaScript's \s matches (space separators, line breaks, the BOM),
// tested by value because a regex per character is the slow part of a loop like this.
function isWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0xa0) return false
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}
