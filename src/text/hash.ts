// A fast 53-bit string hash for counting keys in large tables without keeping the strings.

/**
 * cyrb53: two 32-bit multiply-xor lanes over UTF-16 code units, combined into a 53-bit integer
 * that fits a JavaScript number exactly. With 53 bits, a table of 100 million keys expects well
 * under one collision, which is what the line and word statistics need; it is not cryptographic.
 *
 * @example
 * hashString('menu') === hashString('menu') // true
 */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
