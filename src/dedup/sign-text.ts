// Turn a document's comparison text into what clustering needs: exact key, shingles, MinHash.
import { scanPlainWords } from './plain-words.js'
import { exactKey, exactKeyOfUtf16 } from './exact-key.js'
import type { MinHasher } from './minhash.js'
import { createOnePermutationHasher } from './one-permutation.js'
import { shingleHashes, shingleHashesOfUnits } from './shingles.js'
import { simhash } from './simhash.js'
import { comparisonTokens } from '../text/tokenize.js'

/** What clustering keeps of a document: no text, only its fingerprints. */
export interface Signed {
  /** Key of the normalised token sequence; equal keys are exact duplicates. Undefined when empty. */
  exact: string | undefined
  /** Tokens, for choosing the most complete copy. */
  tokens: number
  signature: Uint32Array
  /**
   * The sorted shingle hashes. Kept while the corpus is in memory, so that LSH candidates are
   * verified by exact Jaccard and containment; MinHash estimates only choose the candidates.
   */
  set: Uint32Array
  /** The 64-bit SimHash fingerprint, when the run compares by SimHash. */
  fingerprint?: Uint32Array
}

/** Options that shape a signature. */
export interface SignOptions {
  shingleSize: number
  permutations: number
  method?: 'minhash' | 'simhash'
}

const hashers = new Map<number, MinHasher>()

// One hasher per signature length: its permutation parameters come from a fixed seed, so every
// run and every worker computes the same signatures.
function hasherFor(permutations: number): MinHasher {
  let hasher = hashers.get(permutations)
  if (hasher === undefined) {
    hasher = createOnePermutationHasher({ permutations, seed: 1 })
    hashers.set(permutations, hasher)
  }
  return hasher
}

/**
 * Sign one text: tokens are normalised and case-folded, so copies that differ only in typography
 * or case get the same exact key and signature.
 *
 * @example
 * signText('Oil prices rose.', { shingleSize: 3, permutations: 128 }).tokens // 3
 */
export function signText(text: string, options: SignOptions): Signed {
  // Most texts are plain (ASCII, a few typographic marks, letters NFKC leaves alone): one pass
  // hashes their tokens, and gives the same tokens, shingles and key as the general way below.
  const plain = scanPlainWords(text)
  if (plain !== undefined) {
    const { count } = plain
    return signed(
      count,
      count === 0 ? undefined : exactKeyOfUtf16(plain.joined.subarray(0, plain.joinedBytes)),
      shingleHashesOfUnits(plain.hashes.subarray(0, count), options.shingleSize),
      options,
    )
  }
  const tokens = comparisonTokens(text)
  return signed(
    tokens.length,
    tokens.length === 0 ? undefined : exactKey(tokens.join(' ')),
    shingleHashes(tokens, options.shingleSize),
    options,
  )
}

function signed(
  tokens: number,
  exact: string | undefined,
  shingles: Uint32Array,
  options: SignOptions,
): Signed {
  return {
    exact,
    tokens,
    signature: hasherFor(options.permutations).signature(shingles),
    set: shingles,
    ...(options.method === 'simhash' ? { fingerprint: simhash(shingles) } : {}),
  }
}
