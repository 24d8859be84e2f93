// Typed arrays that grow as values are appended: columns of numbers without boxed JS arrays.

type NumberArray = Float64Array | Uint32Array | Int32Array | Uint8Array

/** An appendable column of numbers. */
export interface Growable<T extends NumberArray> {
  push(value: number): void
  pushAll(values: ArrayLike<number>): void
  /** The values so far (a view: appending later may leave it stale). */
  view(): T
  readonly length: number
}

/**
 * Create a column backed by `Type`, doubling its buffer as needed.
 *
 * @example
 * const tokens = createGrowable(Uint32Array)
 * tokens.push(42)
 * tokens.view() // Uint32Array [42]
 */
export function createGrowable<T extends NumberArray>(
  Type: new (length: number) => T,
): Growable<T> {
  let values = new Type(1024)
  let length = 0
  const reserve = (extra: number) => {
    if (length + extra <= values.length) return
    let size = values.length * 2
    while (size < length + extra) size *= 2
    const bigger = new Type(size)
    bigger.set(values)
    values = bigger
  }
  return {
    push(value) {
      reserve(1)
      values[length++] = value
    },
    pushAll(more) {
      reserve(more.length)
      for (let i = 0; i < more.length; i++) values[length++] = more[i] ?? 0
    },
    view: () => values.subarray(0, length) as T,
    get length() {
      return length
    },
  }
}
