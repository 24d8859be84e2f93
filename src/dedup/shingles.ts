// Word n-gram shingles as 32-bit hashes, built from token hashes without joining strings.
import { fmix32, hash32 } from './hash32.js'

/**
 * Distinct hashes of every run of `size` consecutive tokens, sorted ascending. Each token is
 * hashed once; a shingle mixes its tokens' hashes in order, so "a b c" and "c b a" differ.
 * Fewer tokens than `size` make one shingle of them all; no tokens make none.
 *
 * @example
 * shingleHashes(['oil', 'prices', 'rose', 'today'], 3).length // 2
 */
export function shingleHashes(tokens: readonly string[], size: number): Uint32Array {
  if (tokens.length === 0) return new Uint32Array(0)
  const tokenHashes = new Uint32Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) tokenHashes[i] = hash32(tokens[i] ?? '')
  const width = Math.min(size, tokens.length)
  const count = tokens.length - width + 1
  const shingles = new Uint32Array(count)
  for (let start = 0; start < count; start++) {
    let h = 0x811c9dc5
    for (let j = 0; j < width; j++) {
      h = fmix32(Math.imul(h ^ (tokenHashes[start + j] ?? 0), 0x01000193) + j)
    }
    shingles[start] = h
  }
  return sortedUnique(shingles)
}

/** Sort a hash array and drop repeats, in place; returns the distinct prefix. */
export function sortedUnique(values: Uint32Array): Uint32Array {
  values.sort()
  let kept = 0
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[kept - 1]) values[kept++] = values[i] ?? 0
  }
  return values.subarray(0, kept)
}
