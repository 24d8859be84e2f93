// Where a worker thread's entry file is: worker threads run plain JavaScript from dist/.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The built entry `file` that sits in dist/`folder`/ beside the calling module: the file beside
 * it when the caller is compiled, the built copy when it runs from the TypeScript sources (tests).
 *
 * @example
 * new Worker(builtEntryPath(import.meta.url, 'workers', 'page-worker-entry.js'))
 */
export function builtEntryPath(callerUrl: string, folder: string, file: string): string {
  const fromSources = fileURLToPath(callerUrl).endsWith('.ts')
  const relative = fromSources ? `../../dist/${folder}/${file}` : `./${file}`
  const path = fileURLToPath(new URL(relative, callerUrl))
  if (!existsSync(path)) throw new Error(`worker entry ${path} is missing: run npm run build`)
  return path
}
