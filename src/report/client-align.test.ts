// The client's alignment is plain browser JavaScript; these tests run that same file in a VM.
import { readFileSync } from 'node:fs'
import { createContext, runInContext } from 'node:vm'
import { describe, expect, it } from 'vitest'

interface Line {
  text: string
  rule: string | null
}
interface Cell {
  kind: 'shared' | 'only' | 'changed' | 'removed'
  text: string
  rule: string | null
  pieces?: { kind: 'same' | 'changed'; text: string }[]
}
interface Row {
  left: Cell | null
  right: Cell | null
}
interface Align {
  alignPages(left: Line[], right: Line[]): Row[]
  wordDiff(a: string, b: string): { similarity: number }
}

const context = createContext({})
runInContext(readFileSync(new URL('./client/align.js', import.meta.url), 'utf8'), context)
const { alignPages, wordDiff } = context as unknown as Align

const kept = (text: string): Line => ({ text, rule: null })
const removed = (text: string, rule: string): Line => ({ text, rule })
const show = (cell: Cell | null) => (cell === null ? '' : `${cell.kind}:${cell.text}`)

describe('alignPages', () => {
  it('aligns shared passages and leaves removed lines where they stood', () => {
    const rows = alignPages(
      [removed('Menu', 'template'), kept('Title'), kept('One.'), kept('Two.')],
      [kept('Title'), removed('Photo: Press', 'before_article'), kept('One.'), kept('Three.')],
    )
    expect(rows.map((row) => [show(row.left), show(row.right)])).toEqual([
      ['removed:Menu', ''],
      ['shared:Title', 'shared:Title'],
      ['', 'removed:Photo: Press'],
      ['shared:One.', 'shared:One.'],
      ['only:Two.', 'only:Three.'],
    ])
    expect(rows[0]?.left?.rule).toBe('template')
  })

  it('matches lines that differ only in case, spacing and quotes', () => {
    const rows = alignPages([kept('He said “no”.')], [kept('he  said "no".')])
    expect(rows).toHaveLength(1)
    expect(rows[0]?.left?.kind).toBe('shared')
  })

  it('pairs an edited passage and marks the changed words', () => {
    const rows = alignPages(
      [kept('The council voted on Thursday to run a ferry.')],
      [kept('The council voted on Friday to run a ferry.')],
    )
    expect(rows).toHaveLength(1)
    const left = rows[0]?.left
    expect(left?.kind).toBe('changed')
    expect(left?.pieces?.filter((piece) => piece.kind === 'changed').map((p) => p.text)).toEqual([
      'Thursday ',
    ])
    expect(rows[0]?.right?.pieces?.map((piece) => piece.text).join('')).toBe(
      'The council voted on Friday to run a ferry.',
    )
  })

  it('keeps unrelated passages apart', () => {
    const rows = alignPages([kept('Harbour news today')], [kept('Library opens on Sundays')])
    expect(rows.map((row) => [row.left?.kind, row.right?.kind])).toEqual([['only', 'only']])
    expect(wordDiff('a b c d', 'a b x y').similarity).toBe(0.5)
  })
})
