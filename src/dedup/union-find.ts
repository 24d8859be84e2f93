// Disjoint sets over document indexes, with the smallest index as each set's representative.

/** Union-find over 0..n-1. */
export interface UnionFind {
  /** The representative of i's set: its smallest index, so cluster ids follow input order. */
  find(i: number): number
  /** Merge the sets of a and b; false when they were already one. */
  union(a: number, b: number): boolean
  /** Every index's representative, in one pass: entry i is `find(i)`. */
  components(): Int32Array
}

/**
 * Create n singleton sets in one Int32Array of parents (4 bytes a document). Linking the larger
 * root under the smaller makes each root its set's smallest index, so the result never depends
 * on the order of unions, only on which sets were merged. That gives up union by size; path
 * halving alone still bounds the amortised cost at O(log n) per operation.
 *
 * @example
 * const sets = createUnionFind(3)
 * sets.union(2, 1)
 * sets.find(2) // 1
 * sets.components() // Int32Array [0, 1, 1]
 */
export function createUnionFind(n: number): UnionFind {
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  function find(i: number): number {
    // An index outside the array would read undefined and loop forever, so refuse it.
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new RangeError(`index ${i} is outside the ${n} sets`)
    }
    let x = i
    let up = parent[x] ?? x
    while (up !== x) {
      const grand = parent[up] ?? up
      parent[x] = grand
      x = grand
      up = parent[x] ?? x
    }
    return x
  }
  return {
    find,
    union(a, b) {
      const rootA = find(a)
      const rootB = find(b)
      if (rootA === rootB) return false
      if (rootA < rootB) parent[rootB] = rootA
      else parent[rootA] = rootB
      return true
    },
    components() {
      // A root is smaller than every member of its set, so by the time i is reached its
      // parent's entry is already final: one ascending pass resolves every index.
      const roots = new Int32Array(n)
      for (let i = 0; i < n; i++) {
        const up = parent[i] ?? i
        roots[i] = up === i ? i : (roots[up] ?? up)
      }
      return roots
    },
  }
}
