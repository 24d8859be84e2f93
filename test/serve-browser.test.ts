// The page `winnow serve` sends at `/`, used as a person would: find the example's article,
// open its cluster, then paste a capture into the form and read the verdict.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasBrowser, launchBrowser, watchPage } from './browser.js'
import { runCli } from './run-cli.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dir = mkdtempSync(join(tmpdir(), 'winnow-serve-browser-'))
let browser: Browser
let page: Page
let server: ChildProcess
let url: string

const focused = (page: Page): Promise<string> =>
  page.evaluate(
    '(() => { const a = document.activeElement; return a ? a.tagName.toLowerCase() + ":" + (a.id || a.textContent) : "" })()',
  )

describe.runIf(hasBrowser)('the served report in a browser', () => {
  beforeAll(async () => {
    const index = join(dir, 'corpus.db')
    const dedup = ['dedup', join(root, 'examples/pages'), '--index', index, '--store-text', '-q']
    expect((await runCli([...dedup, '-o', join(dir, 'out.jsonl')])).code).toBe(0)
    server = spawn(process.execPath, [
      join(root, 'dist/cli/bin.js'),
      'serve',
      '--index',
      index,
      '--port',
      '0',
    ])
    url = await new Promise((ok, fail) => {
      let stderr = ''
      server.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        const match = /listening on (http:\/\/\S+)/.exec(stderr)
        if (match?.[1] !== undefined) ok(match[1])
      })
      server.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)))
    })
    browser = await launchBrowser()
    page = await browser.newPage()
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    server?.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows the index, finds the article, and answers a pasted copy with its cluster', async () => {
    const watched = watchPage(page)
    await page.goto(url)
    await page.waitForSelector('html[data-ready]')
    expect(await page.textContent('#overview .figures')).toContain('documents3')

    await page.goto(`${url}/#clusters`)
    await page.waitForSelector('#search', { state: 'visible' })
    await page.fill('#search', 'night ferry')
    await page.waitForSelector('#search-status[data-done="night ferry"]')
    const links = page.locator('a.cluster-link')
    expect(await links.count()).toBe(1)
    await page.focus('#search')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.waitForSelector('table.diff:not(.single)')
    const shared = page.locator('table.diff tbody tr', { has: page.locator('td.shared') })
    expect(await shared.count()).toBeGreaterThan(3)
    expect(await shared.first().textContent()).toContain('Tidewater council approves night ferry')

    // The form, with the keyboard: type into the page box, then Tab to the button and press it.
    await page.goto(url)
    await page.waitForSelector('html[data-ready]')
    const capture = readFileSync(join(root, 'examples/pages/capture-2024-03-09.txt'), 'utf8')
    await page.focus('#check-page')
    await page.keyboard.insertText(capture)
    await page.focus('#check-token')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatch(/^button:/)
    await page.keyboard.press('Enter')
    await page.waitForSelector('#check-result[data-done="2"]')
    const verdict = await page.textContent('#check-result')
    expect(verdict).toContain('Duplicate')
    expect(verdict).toContain('capture-2024-03-02.txt')
    const link = page.locator('#check-result a')
    expect(await link.getAttribute('href')).toMatch(/^#cluster=\d+$/)
    await link.click()
    await page.waitForSelector('table.diff')
    expect(await page.textContent('#cluster-title')).toBe('Cluster of capture-2024-03-02.txt')

    expect(watched.errors).toEqual([])
    expect(watched.requests.every((request) => request.startsWith(url))).toBe(true)
    expect(watched.requests).toContain(`${url}/v1/check`)
  }, 60_000)
})
