// A page's distinct words, numbered as they first appear: what the line rules compare and weigh.

/**
 * The distinct words of a page, numbered in order of first appearance. The rules compare and
 * weigh words by these numbers, so no word is kept as a string of its own.
 */
export interface PageWords {
  /** `hashString` of each word: the key under which the word statistics count it. */
  hashes: Float64Array
  /** 1 for a word made of ASCII digits only. */
  numeric: Uint8Array
  /** Each word's length in UTF-16 code units. */
  lengths: Uint32Array
}

/** Numbers a page's words as they are read. */
export interface WordTable {
  /** The number of a word (by its hash), numbering it if new. */
  add(hash: number, numeric: boolean, length: number): number
  done(): PageWords
}

/**
 * Create an empty table for one page. Words are found by hash (open addressing); with 53-bit
 * hashes two words of one page collide with odds of about 1 in 10^11.
 *
 * @example
 * const words = createWordTable()
 * words.add(hashString('oil'), false, 3) // 0
 * words.add(hashString('oil'), false, 3) // 0 again
 */
export function createWordTable(): WordTable {
  const hashes: number[] = []
  const numeric: number[] = []
  const lengths: number[] = []
  let slots = new Int32Array(256)
  const slotOf = (hash: number, mask: number) => Math.imul(hash >>> 0, 0x9e3779b1) & mask

  function place(id: number): void {
    const mask = slots.length - 1
    let slot = slotOf(hashes[id] ?? 0, mask)
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = id + 1
  }

  return {
    add(hash, isNumeric, length) {
      const mask = slots.length - 1
      let slot = slotOf(hash, mask)
      for (let held = slots[slot] ?? 0; held !== 0; held = slots[slot] ?? 0) {
        if (hashes[held - 1] === hash) return held - 1
        slot = (slot + 1) & mask
      }
      const id = hashes.length
      hashes.push(hash)
      numeric.push(isNumeric ? 1 : 0)
      lengths.push(length)
      if (hashes.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2)
        for (let i = 0; i < hashes.length; i++) place(i)
      } else {
        slots[slot] = id + 1
      }
      return id
    },
    done: () => ({
      hashes: Float64Array.from(hashes),
      numeric: Uint8Array.from(numeric),
      lengths: Uint32Array.from(lengths),
    }),
  }
}
