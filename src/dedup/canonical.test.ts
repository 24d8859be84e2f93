import { describe, expect, it } from 'vitest'
import { chooseCanonical } from './canonical.js'

describe('chooseCanonical', () => {
  it('prefers the longest copy', () => {
    expect(chooseCanonical([4, 7, 9], (i) => (i === 7 ? 300 : 120))).toBe(7)
    expect(chooseCanonical([0], () => 0)).toBe(0)
  })
  it('breaks a tie by the lowest index, whatever order the members come in', () => {
    expect(chooseCanonical([9, 4, 7], () => 10)).toBe(4)
    expect(chooseCanonical([2, 5, 8], (i) => (i === 2 ? 1 : 50))).toBe(5)
  })
  it('refuses an empty cluster', () => {
    expect(() => chooseCanonical([], () => 1)).toThrow(RangeError)
  })
})
