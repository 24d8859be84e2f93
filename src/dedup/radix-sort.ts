// A stable sort of document numbers by 32-bit keys in two counting passes, for sort-based LSH.

/**
 * Sort `indices` by `keys[index]`, stably (equal keys keep their order), in O(n): two passes of
 * counting sort on 16-bit digits. A comparison sort of a million entries with a key callback
 * takes some 30 times longer, and clustering sorts once per band.
 *
 * @example
 * sortIndicesByKey(Uint32Array.of(0, 1, 2), Uint32Array.of(9, 3, 9)) // Uint32Array [1, 0, 2]
 */
export function sortIndicesByKey(indices: Uint32Array, keys: Uint32Array): Uint32Array {
  const low = countingPass(indices, keys, 0)
  return countingPass(low, keys, 16)
}

function countingPass(indices: Uint32Array, keys: Uint32Array, shift: number): Uint32Array {
  const counts = new Uint32Array(65537)
  for (let i = 0; i < indices.length; i++) {
    const digit = (((keys[indices[i] ?? 0] ?? 0) >>> shift) & 0xffff) + 1
    counts[digit] = (counts[digit] ?? 0) + 1
  }
  for (let d = 1; d < counts.length; d++) counts[d] = (counts[d] ?? 0) + (counts[d - 1] ?? 0)
  const out = new Uint32Array(indices.length)
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i] ?? 0
    const digit = ((keys[index] ?? 0) >>> shift) & 0xffff
    out[counts[digit] ?? 0] = index
    counts[digit] = (counts[digit] ?? 0) + 1
  }
  return out
}
