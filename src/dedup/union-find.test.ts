import { describe, expect, it } from 'vitest'
import { createUnionFind } from './union-find.js'

describe('createUnionFind', () => {
  it('represents each set by its smallest index', () => {
    const sets = createUnionFind(5)
    expect(sets.union(4, 2)).toBe(true)
    expect(sets.union(2, 3)).toBe(true)
    expect(sets.union(3, 4)).toBe(false)
    expect([0, 1, 2, 3, 4].map((i) => sets.find(i))).toEqual([0, 1, 2, 2, 2])
  })
  it('maps every index to its representative in components()', () => {
    const sets = createUnionFind(8)
    sets.union(7, 5)
    sets.union(5, 1)
    sets.union(6, 3)
    sets.union(3, 2)
    expect([...sets.components()]).toEqual([0, 1, 2, 2, 4, 1, 2, 1])
  })
  it('gives the same components whatever order the unions come in', () => {
    const pairs: [number, number][] = [
      [9, 8],
      [0, 9],
      [4, 5],
      [5, 6],
      [2, 7],
      [7, 4],
    ]
    const forward = createUnionFind(10)
    const backward = createUnionFind(10)
    for (const [a, b] of pairs) forward.union(a, b)
    for (const [a, b] of [...pairs].reverse()) backward.union(b, a)
    expect([...forward.components()]).toEqual([0, 1, 2, 3, 2, 2, 2, 2, 0, 0])
    expect(backward.components()).toEqual(forward.components())
  })
  it('stays correct along a long chain', () => {
    const n = 10_000
    const sets = createUnionFind(n)
    for (let i = n - 1; i > 0; i--) sets.union(i, i - 1)
    expect(sets.components().every((root) => root === 0)).toBe(true)
    expect(sets.find(n - 1)).toBe(0)
  })
  it('refuses an index outside the sets', () => {
    const sets = createUnionFind(3)
    expect(() => sets.find(3)).toThrow(RangeError)
    expect(() => sets.union(-1, 0)).toThrow(RangeError)
    expect(() => sets.find(1.5)).toThrow(RangeError)
  })
})
