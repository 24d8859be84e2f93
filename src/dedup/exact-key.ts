// Exact-duplicate keys: a 64-bit fingerprint of normalised text, written as hex.
import { hash32 } from './hash32.js'

/**
 * Two independently seeded 32-bit hashes make a 64-bit key: among a billion documents the
 * chance of any false exact match stays below 3%, and a false match still has to be a near
 * duplicate to matter much.
 *
 * @example
 * exactKey('oil prices rose') === exactKey('oil prices rose') // true
 */
export function exactKey(text: string): string {
  const high = hash32(text, 0x9747b28c)
  const low = hash32(text, 0x2c1b3c6d)
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0')
}
