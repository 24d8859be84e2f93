// Throughput of the signing hot path: shingling, MinHash (k and one permutation) and LSH insertion.
import { bench, describe } from 'vitest'
import { createLshIndex } from './lsh.js'
import { createMinHasher } from './minhash.js'
import { createOnePermutationHasher } from './one-permutation.js'
import { charShingleHashes, shingleHashes } from './shingles.js'

// A 600-token article over a 2,000-word vocabulary, built without randomness so runs compare.
const tokens = Array.from({ length: 600 }, (_, i) => `w${(i * 7919) % 2000}`)
const unspaced = '東京で雨が降り、電車が遅れた。'.repeat(40)
const shingles = shingleHashes(tokens, 5)
const minHasher = createMinHasher({ permutations: 128, seed: 1 })
const onePermutation = createOnePermutationHasher({ permutations: 128, seed: 1 })
// 1,000 documents of distinct vocabulary, every tenth a near copy of the one before it.
const signatures = Array.from({ length: 1000 }, (_, d) => {
  const base = d % 10 === 9 ? d - 1 : d
  const words = Array.from({ length: 300 }, (_, i) => `w${base}-${i === d % 300 ? 'x' : i}`)
  return onePermutation.signature(shingleHashes(words, 5))
})

describe('signing one 600-token document', () => {
  bench('shingleHashes, 5-word shingles', () => {
    shingleHashes(tokens, 5)
  })
  bench('charShingleHashes, 5-character shingles of 600 characters', () => {
    charShingleHashes(unspaced, 5)
  })
  bench('createMinHasher signature, 128 permutations', () => {
    minHasher.signature(shingles)
  })
  bench('createOnePermutationHasher signature, 128 bins', () => {
    onePermutation.signature(shingles)
  })
})

describe('LSH', () => {
  bench('add 1,000 signatures, 64 bands × 2 rows', () => {
    const lsh = createLshIndex({ bands: 64, rows: 2 })
    signatures.forEach((signature, doc) => lsh.add(doc, signature))
  })
})
