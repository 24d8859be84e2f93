// One-permutation MinHash with optimal densification: one hash per shingle instead of k.
import { fmix32 } from './hash32.js'
import { EMPTY_SLOT as EMPTY, type MinHasher, type MinHashOptions } from './minhash.js'

/**
 * Create a one-permutation hasher (Li, Owen and Zhang 2012; densification by Shrivastava 2017).
 * Each shingle is hashed once: the hash picks one of k bins and a second hash is its value; each
 * bin keeps its minimum. Bins no shingle fell into borrow the value of a bin chosen by a seeded
 * probe sequence, which keeps the share of equal bins an unbiased Jaccard estimate. Signing costs
 * O(shingles + k) instead of O(shingles × k), and signatures compare like k-permutation ones.
 *
 * @example
 * const hasher = createOnePermutationHasher({ permutations: 128, seed: 1 })
 * estimateJaccard(hasher.signature(a), hasher.signature(b))
 */
export function createOnePermutationHasher(options: MinHashOptions): MinHasher {
  const { permutations: bins } = options
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`permutations must be a positive integer, got ${bins}`)
  }
  const binSeed = fmix32(options.seed ^ 0x5bd1e995)
  const valueSeed = fmix32(options.seed ^ 0x27d4eb2f)
  return {
    permutations: bins,
    signature(shingles) {
      const signature = new Uint32Array(bins).fill(EMPTY)
      const filled = new Uint8Array(bins)
      for (let s = 0; s < shingles.length; s++) {
        const x = shingles[s] ?? 0
        // The high bits of a mixed hash choose the bin without the modulo bias of `% bins`.
        const bin = Math.floor((fmix32(x ^ binSeed) / 4294967296) * bins)
        const value = fmix32((x + valueSeed) | 0)
        if (value <= (signature[bin] ?? EMPTY)) {
          signature[bin] = value
          filled[bin] = 1
        }
      }
      if (shingles.length > 0) densify(signature, filled, bins)
      return signature
    },
  }
}

// Optimal densification: an empty bin i probes bins h(i, 1), h(i, 2), … until it meets a
// filled one and copies that bin's value. The probe sequence depends only on i and the attempt,
// so two documents fill the same empty bin from the same source whenever both sources are full.
function densify(signature: Uint32Array, filled: Uint8Array, bins: number): void {
  for (let i = 0; i < bins; i++) {
    if (filled[i] === 1) continue
    for (let attempt = 1; ; attempt++) {
      const source = Math.floor(
        (fmix32(Math.imul(i + 1, 0x9e3779b1) ^ attempt) / 4294967296) * bins,
      )
      if (filled[source] === 1) {
        signature[i] = signature[source] ?? EMPTY
        break
      }
    }
  }
}
