// Regenerate the README's screenshots of the report: the bundled example is deduplicated, its
// report opened in headless Chromium, and the overview and the example's cluster captured.
// Usage: npm run screenshots (builds first)
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { launchBrowser } from '../bench/chromium.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dir = mkdtempSync(join(tmpdir(), 'winnow-screenshots-'))
// Run in the temporary folder, so the report names its input `out.jsonl`, as a user's would.
const winnow = (...args) =>
  execFileSync(process.execPath, [join(root, 'dist/cli/bin.js'), ...args, '-q'], { cwd: dir })

const pages = join(root, 'examples/pages')
winnow('dedup', pages, '--explain', '--removed', '-o', 'out.jsonl', '--rejects', 'rejects.jsonl')
winnow('report', 'out.jsonl', '--rejects', 'rejects.jsonl', '-o', 'report.html')
const html = join(dir, 'report.html')

const browser = await launchBrowser()
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
await page.goto(pathToFileURL(html).href)
await page.waitForSelector('html[data-ready]')
await page.screenshot({ path: join(root, 'docs/report-overview.png'), fullPage: true })

await page.click('nav >> text=Clusters')
await page.fill('#search', 'night ferry')
await page.waitForSelector('#search-status[data-done]')
await page.click('a.cluster-link')
await page.waitForSelector('table.diff:not(.single)')
await page.screenshot({ path: join(root, 'docs/report-cluster.png'), fullPage: true })
await browser.close()
console.log('wrote docs/report-overview.png and docs/report-cluster.png')
