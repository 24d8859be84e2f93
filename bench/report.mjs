// The report at scale: generates (or reuses) a synthetic dedup output of N documents, times
// `winnow report` on it with its peak memory, then opens the page in headless Chromium and times
// the first render, an id search, a full text search (with the longest task it caused) and
// opening the largest cluster. Prints a markdown table.
// Usage: npm run bench:report [-- --docs 100000]
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { launchBrowser } from './chromium.mjs'

// The functions given to page.evaluate and addInitScript run in the page, with its globals.
/* global window, document, PerformanceObserver, MutationObserver */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { docs: { type: 'string', default: '100000' } } })
const docs = Number(values.docs)
const outDir = join(root, 'bench/out')
mkdirSync(outDir, { recursive: true })
const mb = (bytes) => (bytes / 1e6).toFixed(1)

const records = join(outDir, `report-${docs}.jsonl`)
if (!existsSync(records)) {
  const partial = `${records}.partial`
  const generator = join(root, 'bench/generate-records.mjs')
  execFileSync(process.execPath, [generator, '--docs', String(docs), '--out', partial])
  renameSync(partial, records)
}

// `winnow report` as a child process, under GNU time for its peak memory.
const html = join(outDir, `report-${docs}.html`)
const started = performance.now()
const timed = spawnSync(
  '/usr/bin/time',
  ['-v', process.execPath, join(root, 'dist/cli/bin.js'), 'report', records, '-q', '-o', html],
  { encoding: 'utf8' },
).stderr
const generateSeconds = (performance.now() - started) / 1000
const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timed)?.[1] ?? 0) * 1024

const browser = await launchBrowser()
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
const errors = []
page.on('pageerror', (error) => errors.push(error.message))
// Long tasks (over 50 ms) are what make a page feel frozen; record each one's length.
await page.addInitScript(() => {
  window.longTasks = []
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(entry.duration)
  }).observe({ type: 'longtask', buffered: true })
})
const t0 = performance.now()
await page.goto(`${pathToFileURL(html).href}#clusters`, { timeout: 300_000 })
const loaded = performance.now() - t0
await page.waitForSelector('html[data-ready]', { timeout: 300_000 })
const firstRender = Number(await page.getAttribute('html', 'data-ready'))
const longest = async () => page.evaluate(() => Math.max(0, ...window.longTasks.splice(0)))
const loadLongest = await longest()

// Latencies are taken inside the page, from the input event to the status line's changes, so
// they do not include the driver's own round trips.
await page.evaluate(() => {
  const status = document.getElementById('search-status')
  window.searchTimes = []
  document.getElementById('search').addEventListener('input', () => {
    window.searchTimes = [performance.now()]
  })
  new MutationObserver(() => window.searchTimes.push(performance.now())).observe(status, {
    childList: true,
    characterData: true,
    subtree: true,
  })
})
async function timeSearch(query) {
  await page.fill('#search', query)
  await page.waitForSelector(`#search-status[data-done="${query}"]`, { timeout: 300_000 })
  const times = await page.evaluate(() => window.searchTimes)
  return {
    byName: times[1] - times[0],
    full: times[times.length - 1] - times[0],
    status: await page.textContent('#search-status'),
  }
}
// An id found once, then a word of the generated text; the typing pause (150 ms) is included.
const idSearch = await timeSearch(`doc-${Math.floor(docs / 2)}`)
const textSearch = await timeSearch('corlo visnu')
const searchLongest = await longest()

await page.fill('#search', '')
await page.waitForSelector('a.cluster-link[data-cluster="0"]')
const openStart = performance.now()
await page.click('a.cluster-link')
await page.waitForSelector('table.diff')
const open = performance.now() - openStart
const size = await page.locator('table.members tbody tr').count()
const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0)
await browser.close()

const ms = (x) => `${Math.round(x)} ms`
console.log(`| measure | ${docs.toLocaleString('en-US')} documents |`)
console.log('| --- | ---: |')
for (const [name, value] of [
  ['dedup output (input)', `${mb(statSync(records).size)} MB`],
  ['report file', `${mb(statSync(html).size)} MB`],
  ['`winnow report` time', `${generateSeconds.toFixed(1)} s`],
  ['`winnow report` peak RSS', `${mb(rss)} MB`],
  ['Chromium: page loaded (whole file parsed)', ms(loaded)],
  ['Chromium: first render of the cluster list', ms(firstRender)],
  ['longest task while loading', ms(loadLongest)],
  ['search by id: first results', ms(idSearch.byName)],
  ['search by id: text searched too', ms(idSearch.full)],
  ['search of the text: done', ms(textSearch.full)],
  ['longest task while searching', ms(searchLongest)],
  [`open the largest cluster (${size} documents)`, ms(open)],
  ['JS heap after these steps', `${mb(heap)} MB`],
]) {
  console.log(`| ${name} | ${value} |`)
}
console.error(`search results: ${idSearch.status} / ${textSearch.status}`)
if (errors.length > 0) {
  console.error(`page errors: ${errors.join('; ')}`)
  process.exitCode = 1
}
