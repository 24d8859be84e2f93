// Tests for the deterministic folder walk.
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { walkFolder, type WalkEntry } from './walk-folder.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winnow-walk-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function walk(root: string): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = []
  for await (const entry of walkFolder(root)) entries.push(entry)
  return entries
}

describe('walkFolder', () => {
  it('lists files depth first, sorted by name at each level', async () => {
    await mkdir(join(dir, 'm', 'n'), { recursive: true })
    for (const name of ['z', 'm/n/b', 'm/a', 'A', 'm.txt']) await writeFile(join(dir, name), '')
    expect((await walk(dir)).map((e) => [e.kind, e.relativePath])).toEqual([
      ['file', 'A'],
      ['file', 'm/a'],
      ['file', 'm/n/b'],
      ['file', 'm.txt'],
      ['file', 'z'],
    ])
  })

  it('does not follow a symbolic link to a folder, so a loop cannot recurse forever', async () => {
    await symlink(dir, join(dir, 'loop'))
    expect(await walk(dir)).toEqual([
      { kind: 'file', path: join(dir, 'loop'), relativePath: 'loop' },
    ])
  })

  it.skipIf(process.getuid?.() === 0)(
    'reports a subfolder it cannot read and goes on',
    async () => {
      await mkdir(join(dir, 'a'))
      await writeFile(join(dir, 'b.txt'), '')
      await chmod(join(dir, 'a'), 0o000)
      try {
        const entries = await walk(dir)
        expect(entries.map((e) => [e.kind, e.relativePath])).toEqual([
          ['unreadable', 'a'],
          ['file', 'b.txt'],
        ])
      } finally {
        await chmod(join(dir, 'a'), 0o700)
      }
    },
  )
})
