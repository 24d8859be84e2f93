// A fast 53-bit string hash for counting keys in large tables without keeping the strings.

// cyrb53's starting lanes and per-code-unit steps, shared with scanners that hash words as they
// read them (see clean/ascii-line.ts and clean/line-affixes.ts), so that a word or key hashed
// there equals its hashString.
export const HASH_LANE_1 = 0xdeadbeef
export const HASH_LANE_2 = 0x41c6ce57

/** Mix one UTF-16 code unit into the first lane. */
export function stepLane1(lane: number, codeUnit: number): number {
  return Math.imul(lane ^ codeUnit, 2654435761)
}

/** Mix one UTF-16 code unit into the second lane. */
export function stepLane2(lane: number, codeUnit: number): number {
  return Math.imul(lane ^ codeUnit, 1597334677)
}

/** Combine the two lanes into the 53-bit hash. */
export function finishHash(lane1: number, lane2: number): number {
  let h1 = lane1
  let h2 = lane2
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * cyrb53: two 32-bit multiply-xor lanes over UTF-16 code units, combined into a 53-bit integer
 * that fits a JavaScript number exactly. With 53 bits, a table of 100 million keys expects well
 * under one collision, which is what the line and word statistics need; it is not cryptographic.
 *
 * @example
 * hashString('menu') === hashString('menu') // true
 */
export function hashString(text: string, seed = 0): number {
  return hashPrefixed('', text, seed)
}

/**
 * `hashString(prefix + text, seed)` without building the joined string, whose first read would
 * copy both parts into a new one.
 *
 * @example
 * hashPrefixed('l ', 'menu', 7) === hashString('l menu', 7) // true
 */
export function hashPrefixed(prefix: string, text: string, seed = 0): number {
  let h1 = HASH_LANE_1 ^ seed
  let h2 = HASH_LANE_2 ^ seed
  for (let i = 0; i < prefix.length; i++) {
    const ch = prefix.charCodeAt(i)
    h1 = stepLane1(h1, ch)
    h2 = stepLane2(h2, ch)
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = stepLane1(h1, ch)
    h2 = stepLane2(h2, ch)
  }
  return finishHash(h1, h2)
}
