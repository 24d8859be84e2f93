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

// splitmix32: a small, well-distributed generator, so parameters are the same on every machine.
function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    return fmix32(state)
  }
}

/**
 * Create a MinHasher. Permutation i is h_i(x) = fmix32(a_i·x + b_i) in 32-bit arithmetic, a odd:
 * the multiply-add is a bijection and fmix32 spreads its weak low bits. Each signature slot is
 * the minimum of h_i over the shingles; an empty set gives all 0xffffffff.
 *
 * @example
 * const hasher = createMinHasher({ permutations: 128, seed: 1 })
 * hasher.signature(shingleHashes(tokens, 3)).length // 128
 */
export function createMinHasher(options: MinHashOptions): MinHasher {
  const { permutations } = options
  const next = splitmix32(options.seed)
  const a = new Uint32Array(permutations)
  const b = new Uint32Array(permutations)
  for (let i = 0; i < permutations; i++) {
    a[i] = next() | 1
    b[i] = next()
  }
  return {
    permutations,
    signature(shingles) {
      const signature = new Uint32Array(permutations).fill(0xffffffff)
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
 * Estimated Jaccard similarity: the share of slots where two signatures agree. Two empty sets'
 * signatures agree everywhere (1); an empty and a non-empty one nowhere, in practice (0).
 *
 * @example
 * estimateJaccard(sig, sig) // 1
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length)
  if (length === 0) return 0
  let equal = 0
  for (let i = 0; i < length; i++) if (a[i] === b[i]) equal++
  return equal / length
}

/**
 * Containment of A in B (|A∩B| / |A|) from their Jaccard similarity and set sizes:
 * |A∩B| = J·(|A| + |B|) / (1 + J). Clamped to 0..1.
 *
 * @example
 * estimateContainment(0.5, 100, 200) // 1: A lies entirely inside B
 */
export function estimateContainment(jaccard: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0) return 0
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard)
  return Math.min(1, Math.max(0, intersection / sizeA))
}
