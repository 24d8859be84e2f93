// How much of a page cleaning removed, measured in characters.

/**
 * The share of a page removed as furniture: removed characters / (removed + kept characters),
 * where kept characters are the cleaned text's without line breaks. Null when the record has no
 * `removed` lines (dedup ran without `--removed`), and 0 for an empty page.
 *
 * @example
 * removedShare({ text: 'abc', removed: [{ line: 0, text: 'x', rule: 'repeated' }] }) // 0.25
 */
export function removedShare(record: {
  text: string
  removed?: readonly { text: string }[]
}): number | null {
  if (record.removed === undefined) return null
  const removed = removedChars(record.removed)
  const total = removed + keptChars(record.text)
  return total === 0 ? 0 : removed / total
}

/**
 * Characters of the cleaned text, not counting the line breaks between its lines.
 *
 * @example
 * keptChars('ab\ncd') // 4
 */
export function keptChars(text: string): number {
  let breaks = 0
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks++
  return text.length - breaks
}

/**
 * Characters of the removed lines.
 *
 * @example
 * removedChars([{ text: 'Menu' }, { text: 'Share' }]) // 9
 */
export function removedChars(lines: readonly { text: string }[]): number {
  return lines.reduce((sum, line) => sum + line.text.length, 0)
}
