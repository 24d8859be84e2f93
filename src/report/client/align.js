// Side-by-side alignment of two pages for the report: kept lines matched by a longest common
// subsequence of their normalised text, removed lines left where they stood on their page, and
// similar unmatched lines paired with a word-level diff. Plain browser JavaScript with no
// dependencies, so the report's client runs it as it is and the tests run the same code in Node.

/* exported alignPages, wordDiff, lineKey */

// Case, spacing and quote style do not make two lines different passages.
function lineKey(text) {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
}

// Pairs [i, j] of a longest common subsequence of a and b (arrays of comparable values), by the
// classic dynamic programme; pages have at most a few hundred kept lines, paragraphs a few
// hundred words.
function commonPairs(a, b) {
  const width = b.length + 1
  const table = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1])
    }
  }
  const pairs = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++
    else j++
  }
  return pairs
}

// The words of a line with the spaces after them, so the pieces join back to the line.
function words(text) {
  return text.match(/\S+\s*/g) || []
}

// A word-level diff of two lines: pieces of each side marked `same` or `changed`, and the share of
// words the two have in common (0..1).
function wordDiff(left, right) {
  const a = words(left)
  const b = words(right)
  const pairs = commonPairs(
    a.map((word) => lineKey(word)),
    b.map((word) => lineKey(word)),
  )
  const mark = (list, side) => {
    const same = new Set(pairs.map((pair) => pair[side]))
    const pieces = []
    list.forEach((word, index) => {
      const kind = same.has(index) ? 'same' : 'changed'
      const last = pieces[pieces.length - 1]
      if (last && last.kind === kind) last.text += word
      else pieces.push({ kind, text: word })
    })
    return pieces
  }
  const similarity = pairs.length / Math.max(1, a.length, b.length)
  return { left: mark(a, 0), right: mark(b, 1), similarity }
}

// Unmatched lines at the same place on both sides sit on one row; two kept lines that share at
// least half their words are shown as one passage changed, with the changed words marked.
function gapRows(left, right) {
  const rows = []
  for (let k = 0; k < Math.max(left.length, right.length); k++) {
    const a = left[k]
    const b = right[k]
    const row = { left: a ? cell(a, 'only') : null, right: b ? cell(b, 'only') : null }
    if (a && b && a.rule === null && b.rule === null) {
      const diff = wordDiff(a.text, b.text)
      if (diff.similarity >= 0.5) {
        row.left = Object.assign(cell(a, 'changed'), { pieces: diff.left })
        row.right = Object.assign(cell(b, 'changed'), { pieces: diff.right })
      }
    }
    rows.push(row)
  }
  return rows
}

function cell(line, kind) {
  return { kind: line.rule === null ? kind : 'removed', text: line.text, rule: line.rule }
}

/**
 * Align two pages, each a list of lines `{ text, rule }` in page order (`rule` is null for a line
 * cleaning kept, else the rule that removed it). Returns rows `{ left, right }`; each side is null
 * or a cell `{ kind, text, rule, pieces? }` with kind `shared` (a kept line both have), `only`
 * (kept, on this side only), `changed` (kept, a similar line on the other side; `pieces` marks
 * the words) or `removed`.
 *
 * @example
 * alignPages([{ text: 'A', rule: null }], [{ text: 'Menu', rule: 'template' }, { text: 'A', rule: null }])
 * // [{ left: null, right: { kind: 'removed', … } }, { left: { kind: 'shared', … }, right: { kind: 'shared', … } }]
 */
function alignPages(left, right) {
  const keptLeft = left.filter((line) => line.rule === null)
  const keptRight = right.filter((line) => line.rule === null)
  const pairs = commonPairs(
    keptLeft.map((line) => lineKey(line.text)),
    keptRight.map((line) => lineKey(line.text)),
  )
  const rows = []
  let i = 0
  let j = 0
  for (const [a, b] of pairs) {
    const untilLeft = left.indexOf(keptLeft[a], i)
    const untilRight = right.indexOf(keptRight[b], j)
    rows.push(...gapRows(left.slice(i, untilLeft), right.slice(j, untilRight)))
    rows.push({ left: cell(left[untilLeft], 'shared'), right: cell(right[untilRight], 'shared') })
    i = untilLeft + 1
    j = untilRight + 1
  }
  rows.push(...gapRows(left.slice(i), right.slice(j)))
  return rows
}
