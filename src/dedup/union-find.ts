// Disjoint sets over document indexes, with the smallest index as each set's representative.

/** Union-find over 0..n-1. */
export interface UnionFind {
  /** The representative of i's set: its smallest index, so cluster ids follow input order. */
  find(i: number): number
  /** Merge the sets of a and b; false when they were already one. */
  union(a: number, b: number): boolean
}

/**
 * Create n singleton sets. Linking the larger root under the smaller keeps representatives
 * deterministic; path halving keeps trees shallow in practice.
 *
 * @example
 * const sets = createUnionFind(3)
 * sets.union(2, 1)
 * sets.find(2) // 1
 */
export function createUnionFind(n: number): UnionFind {
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  function find(i: number): number {
    let x = i
    while (parent[x] !== x) {
      const grand = parent[parent[x] ?? x] ?? x
      parent[x] = grand
      x = grand
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
  }
}
