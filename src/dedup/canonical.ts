// The canonical copy of a cluster: the most complete cleaned text, the earliest on a tie.

/**
 * Pick the member with the most tokens of cleaned text; ties go to the lowest index (first seen).
 * The most complete copy is the one worth keeping: a paywalled copy loses to the full article.
 *
 * @example
 * chooseCanonical([4, 7, 9], (i) => (i === 7 ? 300 : 120)) // 7
 */
export function chooseCanonical(
  members: readonly number[],
  length: (index: number) => number,
): number {
  let best = members[0]
  if (best === undefined) throw new RangeError('a cluster has at least one member')
  let bestLength = length(best)
  for (const member of members) {
    const size = length(member)
    if (size > bestLength || (size === bestLength && member < best)) {
      best = member
      bestLength = size
    }
  }
  return best
}
