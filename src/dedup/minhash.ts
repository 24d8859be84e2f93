// MinHash signatures with k seeded hash functions, and the estimates read from them.
import { fmix32 } from './hash32.js'

/** Computes fixed-length MinHash signatures. */
export interface MinHasher {
  readonly permutations: number
  signature(shingles: Uint32Array): Uint32Array
}

/** How many hash functions, and the seed their parameters come from. */
export interface MinHashOptions {
  permutations: number
  seed: number
}

/** The value of every slot of an empty set's signature: no shingle ever lowered it. */
export const EMPTY_SLOT = 0xffffffff

// splitmix32: a small, well-distributed generator, so parameters are the same on every machine.
function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    return fmix32(state)
  }
}

/**
 * Create a MinHasher. Permutation i is h_i(x) = fmix32(a_i·x + b_i) in 32-bit arithmetic, with
 * a_i odd and a_i, b_i drawn from splitmix32(seed), so every run computes the same signatures.
 * Why fmix32: a·x + b mod 2^32 is a bijection but a weak one. Bit k of the output depends only
 * on bits 0..k of x, so shingles that differ only in high bits land on values that differ only
 * in high bits, by multiples of a, and minima across permutations become correlated. fmix32 is
 * also a bijection (h_i stays a permutation of the 32-bit values) and makes every output bit
 * depend on every input bit. Each slot is the minimum of h_i over the shingles; an empty set
 * gives all {@link EMPTY_SLOT}. Int32Array parameters keep the loop in small-integer arithmetic.
 *
 * @example
 * const hasher = createMinHasher({ permutations: 128, seed: 1 })
 * hasher.signature(shingleHashes(tokens, 3)).length // 128
 */
export function createMinHasher(options: MinHashOptions): MinHasher {
  const { permutations } = options
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`permutations must be a positive integer, got ${permutations}`)
  }
  const next = splitmix32(options.seed)
  const a = new Int32Array(permutations)
  const b = new Int32Array(permutations)
  for (let i = 0; i < permutations; i++) {
    a[i] = next() | 1
    b[i] = next()
  }
  return {
    permutations,
    signature(shingles) {
      const signature = new Uint32Array(permutations).fill(EMPTY_SLOT)
      // Shingles outer, permutations inner: the three typed arrays are read in order.
      for (let s = 0; s < shingles.length; s++) {
        const x = shingles[s] ?? 0
        for (let i = 0; i < permutations; i++) {
          const h = fmix32((Math.imul(a[i] ?? 1, x) + (b[i] ?? 0)) | 0)
          if (h < (signature[i] ?? 0)) signature[i] = h
        }
      }
      return signature
    },
  }
}

/**
 * Estimated Jaccard similarity: the share of slots where two signatures agree. Defined at the
 * edges: two empty sets' signatures give 1 (the sets are equal), an empty and a non-empty one
 * give 0, and signatures of different lengths come from different hashers, a RangeError.
 *
 * @example
 * estimateJaccard(sig, sig) // 1
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) {
    throw new RangeError(`signatures differ in length: ${a.length} and ${b.length}`)
  }
  if (a.length === 0) return 0
  let equal = 0
  let emptyA = true
  let emptyB = true
  for (let i = 0; i < a.length; i++) {
    const x = a[i]
    const y = b[i]
    if (x === y) equal++
    if (x !== EMPTY_SLOT) emptyA = false
    if (y !== EMPTY_SLOT) emptyB = false
  }
  if (emptyA !== emptyB) return 0
  return equal / a.length
}

/**
 * Containment of A in B (|A∩B| / |A|) from their Jaccard similarity and set sizes:
 * |A∩B| = J·(|A| + |B|) / (1 + J). Clamped to 0..1; an empty A is contained in nothing (0).
 *
 * @example
 * estimateContainment(0.5, 100, 200) // 1: A lies entirely inside B
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0) return 0
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard)
  return Math.min(1, Math.max(0, intersection / sizeA))
}
