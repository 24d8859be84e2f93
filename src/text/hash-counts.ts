// Counts keyed by 53-bit hashes in flat typed arrays: a few bytes a key, no boxed numbers.

/** A counting table over non-negative integer hashes below 2^53 (as `hashString` makes them). */
export interface HashCounts {
  /** Add `n` (default 1) to a key's count. */
  add(key: number, n?: number): void
  /** The key's count, 0 when absent. */
  get(key: number): number
  has(key: number): boolean
  readonly size: number
  /** Bytes the table's arrays take. */
  readonly bytes: number
  /** Drop every key counted fewer than `minCount` times; returns how many were dropped. */
  prune(minCount: number): number
  /** The keys counted at least `minCount` times and their counts, as plain transferable arrays. */
  entries(minCount?: number): CountEntries
}

/** Keys and counts side by side, for shipping a table to a worker thread. */
export interface CountEntries {
  keys: Float64Array
  counts: Uint32Array
}

const MIN_CAPACITY = 16
// Grow at 70% full: open addressing with linear probing slows sharply beyond that.
const MAX_LOAD = 0.7

/**
 * Create a table, optionally filled from {@link HashCounts.entries}. Slots hold key + 1, so an
 * empty slot is 0; a slot costs 12 bytes (Float64 key, Uint32 count) where a Map entry with a
 * heap-number key costs some 50.
 *
 * @example
 * const counts = createHashCounts()
 * counts.add(hashString('menu'))
 * counts.get(hashString('menu')) // 1
 */
export function createHashCounts(from?: CountEntries): HashCounts {
  let capacity = MIN_CAPACITY
  while (from !== undefined && capacity * MAX_LOAD <= from.keys.length) capacity *= 2
  let keys = new Float64Array(capacity)
  let counts = new Uint32Array(capacity)
  let size = 0

  // Keys are hashes already: their low bits, scrambled once, place them well enough.
  const slotOf = (key: number, mask: number) => Math.imul(key >>> 0, 0x9e3779b1) & mask

  function find(key: number): number {
    const mask = capacity - 1
    let slot = slotOf(key, mask)
    while (keys[slot] !== 0 && keys[slot] !== key + 1) slot = (slot + 1) & mask
    return slot
  }

  function rebuild(newCapacity: number, minCount: number): void {
    const oldKeys = keys
    const oldCounts = counts
    capacity = newCapacity
    keys = new Float64Array(capacity)
    counts = new Uint32Array(capacity)
    size = 0
    for (let i = 0; i < oldKeys.length; i++) {
      const stored = oldKeys[i] ?? 0
      const count = oldCounts[i] ?? 0
      if (stored === 0 || count < minCount) continue
      const slot = find(stored - 1)
      keys[slot] = stored
      counts[slot] = count
      size++
    }
  }

  function add(key: number, n = 1): void {
    const slot = find(key)
    if (keys[slot] === 0) {
      keys[slot] = key + 1
      size++
      counts[slot] = n
      if (size > capacity * MAX_LOAD) rebuild(capacity * 2, 0)
    } else {
      counts[slot] = (counts[slot] ?? 0) + n
    }
  }

  if (from !== undefined) {
    from.keys.forEach((key, i) => add(key, from.counts[i] ?? 0))
  }

  return {
    add,
    get(key) {
      return counts[find(key)] ?? 0
    },
    has(key) {
      return keys[find(key)] !== 0
    },
    get size() {
      return size
    },
    get bytes() {
      return keys.byteLength + counts.byteLength
    },
    prune(minCount) {
      const before = size
      let newCapacity = MIN_CAPACITY
      const kept = counts.reduce(
        (n, count, i) => (keys[i] !== 0 && count >= minCount ? n + 1 : n),
        0,
      )
      while (newCapacity * MAX_LOAD <= kept) newCapacity *= 2
      rebuild(newCapacity, minCount)
      return before - size
    },
    entries(minCount = 0) {
      const outKeys: number[] = []
      const outCounts: number[] = []
      for (let i = 0; i < capacity; i++) {
        const stored = keys[i] ?? 0
        const count = counts[i] ?? 0
        if (stored !== 0 && count >= minCount) {
          outKeys.push(stored - 1)
          outCounts.push(count)
        }
      }
      return { keys: Float64Array.from(outKeys), counts: Uint32Array.from(outCounts) }
    },
  }
}
