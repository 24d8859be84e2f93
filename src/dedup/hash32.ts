// 32-bit hashing for shingles and LSH buckets: MurmurHash3's mixing steps over UTF-16 code units.

/**
 * MurmurHash3's finaliser (fmix32): every input bit affects every output bit, which the
 * multiply-add permutations of MinHash need, since their low bits alone are weak.
 *
 * @example
 * fmix32(1) // 1364076727
 */
export function fmix32(value: number): number {
  let h = value
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * MurmurHash3 x86_32 over the string's UTF-16 code units, two units a block. Fast, well mixed,
 * and reproducible everywhere; 32 bits suffice for shingles, where a rare collision only nudges
 * a similarity estimate.
 *
 * @example
 * hash32('oil') === hash32('oil') // true
 */
export function hash32(text: string, seed = 0): number {
  let h = seed >>> 0
  const length = text.length
  let i = 0
  for (; i + 1 < length; i += 2) {
    let k = (text.charCodeAt(i) & 0xffff) | ((text.charCodeAt(i + 1) & 0xffff) << 16)
    k = Math.imul(k, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    k = Math.imul(k, 0x1b873593)
    h ^= k
    h = (h << 13) | (h >>> 19)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  if (i < length) {
    let k = text.charCodeAt(i) & 0xffff
    k = Math.imul(k, 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    k = Math.imul(k, 0x1b873593)
    h ^= k
  }
  h ^= length * 2
  return fmix32(h)
}
