// Exact Jaccard similarity and containment of two sorted, distinct hash sets.

/**
 * Count the values two ascending, duplicate-free arrays share, by one merge pass.
 *
 * @example
 * intersectionCount(Uint32Array.of(1, 3, 5), Uint32Array.of(3, 4, 5)) // 2
 */
export function intersectionCount(a: Uint32Array, b: Uint32Array): number {
  return intersectionCountUpTo(a, b, 0)
}

/**
 * {@link intersectionCount}, or -1 as soon as the rest of the arrays could no longer bring the
 * count to `need`: most candidate pairs are far from every threshold, and stop early.
 *
 * @example
 * intersectionCountUpTo(Uint32Array.of(1, 2, 3), Uint32Array.of(4, 5, 6), 2) // -1
 */
export function intersectionCountUpTo(a: Uint32Array, b: Uint32Array, need: number): number {
  let i = 0
  let j = 0
  let count = 0
  while (i < a.length && j < b.length) {
    if (count + Math.min(a.length - i, b.length - j) < need) return -1
    const x = a[i] ?? 0
    const y = b[j] ?? 0
    if (x === y) {
      count++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return count >= need ? count : -1
}

/** Jaccard similarity and the containment of the smaller set in the larger, exactly. */
export interface SetSimilarity {
  jaccard: number
  containment: number
}

/**
 * Exact similarity of two shingle sets (sorted, distinct). Two empty sets are not similar.
 *
 * @example
 * setSimilarity(Uint32Array.of(1, 2), Uint32Array.of(1, 2, 3, 4)) // { jaccard: 0.5, containment: 1 }
 */
export function setSimilarity(a: Uint32Array, b: Uint32Array): SetSimilarity {
  return similarityFromShared(a.length, b.length, intersectionCount(a, b))
}

/**
 * Jaccard similarity and containment from the set sizes and the count they share.
 *
 * @example
 * similarityFromShared(2, 4, 2) // { jaccard: 0.5, containment: 1 }
 */
export function similarityFromShared(sizeA: number, sizeB: number, shared: number): SetSimilarity {
  const union = sizeA + sizeB - shared
  const smaller = Math.min(sizeA, sizeB)
  return {
    jaccard: union === 0 ? 0 : shared / union,
    containment: smaller === 0 ? 0 : shared / smaller,
  }
}
