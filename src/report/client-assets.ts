// The report's client: plain browser JavaScript and CSS kept as files beside this module, read
// once and inlined into every report so it opens from disk with no network.
import { readFileSync } from 'node:fs'

/** The client's scripts in the order they run: helpers first, then the views, then the app. */
export const CLIENT_SCRIPTS = ['align.js', 'data.js', 'search.js', 'views.js', 'app.js'] as const

let cached: { script: string; style: string } | undefined
let cachedForm: string | undefined

/**
 * The client script (all files in one strict function scope, so nothing leaks onto `window`)
 * and the style sheet. The build copies `client/` next to the compiled module.
 *
 * @example
 * const { script, style } = clientAssets()
 */
export function clientAssets(): { script: string; style: string } {
  if (cached !== undefined) return cached
  const read = (name: string) => readFileSync(new URL(`./client/${name}`, import.meta.url), 'utf8')
  const body = CLIENT_SCRIPTS.map((name) => `// ${name}\n${read(name)}`).join('\n')
  cached = { script: `;(() => {\n'use strict'\n${body}\n})()\n`, style: read('report.css') }
  return cached
}

/**
 * The script of the served page's "check a page" form, in its own function scope.
 *
 * @example
 * const script = checkFormScript()
 */
export function checkFormScript(): string {
  cachedForm ??= `;(() => {\n'use strict'\n${readFileSync(new URL('./client/check-form.js', import.meta.url), 'utf8')}\n})()\n`
  return cachedForm
}
