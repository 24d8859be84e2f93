// Exact-duplicate keys: a 64-bit fingerprint of normalised text, written as hex.
import { createHash } from 'node:crypto'

/**
 * The first 64 bits of SHA-256 over the text's UTF-16LE code units, as 16 hex digits.
 *
 * Why SHA-256 and not two seeded MurmurHash3 runs: OpenSSL's SHA-256 (hardware-accelerated) was
 * about 3× faster than two passes of our JavaScript murmur on 3 KB articles, and murmur has
 * seed-independent collisions (Aumasson, Bernstein and Boßlet, 2012), so a crafted page could
 * share a victim's key and push it out as an "exact" copy. With SHA-256 that needs a 2^64
 * second-preimage search. Hashing UTF-16 rather than UTF-8 keeps distinct strings distinct even
 * with lone surrogates, which UTF-8 encoding would fold into U+FFFD.
 *
 * Accidental collisions among n texts have probability about n² / 2^65: 3 × 10⁻⁶ for ten
 * million documents, 3% for a billion.
 *
 * @example
 * exactKey('oil prices rose') // 16 hex digits, the same on every run and machine
 */
export function exactKey(text: string): string {
  return createHash('sha256').update(text, 'utf16le').digest('hex').slice(0, 16)
}

/**
 * {@link exactKey} of a text given as its UTF-16LE bytes, for a caller that built them without
 * making the string.
 *
 * @example
 * exactKeyOfUtf16(Buffer.from('oil prices rose', 'utf16le')) === exactKey('oil prices rose') // true
 */
export function exactKeyOfUtf16(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16)
}
