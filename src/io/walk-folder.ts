// List the files below a folder, depth first, in name order, so every run reads the same order.
import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'

/** A file found in a folder walk, or a folder that could not be read. */
export type WalkEntry =
  | { kind: 'file'; path: string; relativePath: string }
  | { kind: 'unreadable'; path: string; relativePath: string; reason: string }

/**
 * Yield every file below `root` (following no symbolic links to folders), sorted by name at each
 * level. A subfolder that cannot be read is yielded as `unreadable`, and the walk goes on.
 *
 * @example
 * for await (const entry of walkFolder('pages')) console.log(entry.relativePath)
 */
export async function* walkFolder(root: string, folder = root): AsyncGenerator<WalkEntry> {
  const relativePath = (path: string) => relative(root, path).split(sep).join('/')
  let entries
  try {
    entries = await readdir(folder, { withFileTypes: true })
  } catch (error) {
    yield {
      kind: 'unreadable',
      path: folder,
      relativePath: relativePath(folder),
      reason: (error as Error).message,
    }
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) yield* walkFolder(root, path)
    else yield { kind: 'file', path, relativePath: relativePath(path) }
  }
}
