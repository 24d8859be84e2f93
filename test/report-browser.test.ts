// The report checked as a person would use it, in headless Chromium: find the example's two
// captures of one article by search, open the cluster with the keyboard, read the aligned diff.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testRecords } from './report-records.js'
import { hasBrowser, launchBrowser, watchPage } from './browser.js'
import { runCli } from './run-cli.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dir = mkdtempSync(join(tmpdir(), 'winnow-report-browser-'))
let browser: Browser
let page: Page
let watched: ReturnType<typeof watchPage>

async function reportOf(args: string[], name: string): Promise<string> {
  const html = join(dir, name)
  const result = await runCli(['report', ...args, '-q', '-o', html])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return pathToFileURL(html).href
}

// What has the keyboard focus, as `tag:text`. (Page code is passed as text: the tests are
// type-checked without the DOM library.)
const focused = (page: Page): Promise<string> =>
  page.evaluate(
    '(() => { const a = document.activeElement; return a ? a.tagName.toLowerCase() + ":" + a.textContent : "" })()',
  )

describe.runIf(hasBrowser)('the report in a browser', () => {
  beforeAll(async () => {
    browser = await launchBrowser()
    // One page for both tests: opening a page costs more than the tests themselves.
    page = await browser.newPage()
    watched = watchPage(page)
  }, 30_000)
  afterAll(async () => {
    await browser?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds the two captures by search and shows what they share and what was removed', async () => {
    const out = join(dir, 'out.jsonl')
    const dedup = ['dedup', join(root, 'examples/pages'), '--explain', '--removed', '-q', '-o', out]
    expect((await runCli(dedup)).code).toBe(0)
    await page.goto(await reportOf([out], 'example.html'))
    await page.waitForSelector('html[data-ready]')
    expect(await page.textContent('#overview .figures')).toContain('documents3')

    // Skip link, Overview, Clusters: the third Tab reaches the cluster browser.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('a:Clusters')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#search', { state: 'visible' })

    await page.fill('#search', 'night ferry')
    await page.waitForSelector('#search-status[data-done="night ferry"]')
    const links = page.locator('a.cluster-link')
    expect(await links.count()).toBe(1)
    expect(await links.first().textContent()).toContain('2 docscapture-2024-03-02.txt')

    await page.focus('#search')
    await page.keyboard.press('ArrowDown')
    expect(await focused(page)).toMatch(/^a:2 docs/)
    await page.keyboard.press('Enter')
    await page.waitForSelector('table.diff:not(.single)')
    expect(await focused(page)).toBe('h2:Cluster of capture-2024-03-02.txt')

    const headline = 'Tidewater council approves night ferry to the outer islands'
    const shared = page.locator('table.diff tbody tr', { has: page.locator('td.shared') })
    expect(await shared.count()).toBe(7)
    expect(await shared.first().locator('td.shared').allTextContents()).toEqual([
      `=${headline}`,
      `=${headline}`,
    ])
    const removed = await page.locator('td.removed').allTextContents()
    expect(removed).toContain('×removed: before_articleback to top arrow')
    expect(removed).toContain('×removed: after_articleMore from the Tidewater Morning')
    expect(removed).toContain('×removed: before_articlePhoto: Harbour Press')
    const member = page.locator('table.members tr.selected')
    expect(await member.textContent()).toContain('capture-2024-03-09.txtno URLexact1.000')

    // Arrow keys move between members: up to the canonical copy, shown on its own.
    await page.focus('button.member[aria-pressed="true"]')
    await page.keyboard.press('ArrowUp')
    await page.waitForSelector('table.diff.single')
    expect(await focused(page)).toBe('button:capture-2024-03-02.txt')
    expect(await page.locator('table.diff.single td.removed').count()).toBe(4)

    // Escape goes back to the list, to the cluster just seen.
    await page.keyboard.press('Escape')
    await page.waitForSelector('#list-view', { state: 'visible' })
    expect(await focused(page)).toMatch(/^a:2 docs/)
    expect(watched.errors).toEqual([])
    expect(watched.requests).toEqual([])
  })

  it('shows hostile ids, URLs and texts as text, and runs none of them', async () => {
    const [first, second, third] = testRecords()
    const id = '<img src=x onerror="window.pwned=1">'
    const records = [
      { ...first!, id, cluster: id, url: 'javascript:window.pwned=2' },
      { ...second!, cluster: id, text: '</script><script>window.pwned=3</script>\nSecond line' },
      third!,
    ]
    const out = join(dir, 'hostile.jsonl')
    writeFileSync(out, records.map((record) => JSON.stringify(record)).join('\n'))
    watched.errors.length = 0
    await page.goto(`${await reportOf([out], 'hostile.html')}#clusters`)
    await page.waitForSelector('html[data-ready]')
    await page.fill('#search', 'window.pwned')
    await page.waitForSelector('#search-status[data-done]')
    await page.click('a.cluster-link')
    await page.waitForSelector('table.diff')
    expect(await page.textContent('#cluster-title')).toBe(`Cluster of ${id}`)
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0)
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.textContent('table.diff')).toContain('</script><script>window.pwned=3')
    expect(await page.evaluate('window.pwned')).toBeUndefined()
    expect(watched.errors).toEqual([])
  })
})
