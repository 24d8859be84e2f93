// A run's own temporary folder, made inside the given one (or the system's).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WinnowError } from '../errors.js'

/**
 * Make a fresh folder named `winnow-<purpose>-XXXXXX` inside `parent`; a parent that cannot take
 * it is a usage error naming the folder (exit code 2), not a crash.
 *
 * @example
 * const dir = makeTempDir(undefined, 'run') // /tmp/winnow-run-a1B2c3
 */
export function makeTempDir(parent: string | undefined, purpose: string): string {
  const base = parent ?? tmpdir()
  try {
    return mkdtempSync(join(base, `winnow-${purpose}-`))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new WinnowError('usage', `cannot make a temporary folder in ${base}: ${reason}`, {
      cause: error,
    })
  }
}
