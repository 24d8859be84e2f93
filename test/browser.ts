// Headless Chromium for the report's end-to-end tests: Debian's package, driven by playwright-core.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Where Debian's `chromium` package installs the browser (`.ci/run` installs it). */
export const CHROMIUM = '/usr/bin/chromium'

/** Whether browser tests can run here; `.ci/run` sets WINNOW_REQUIRE_BROWSER so CI never skips. */
export const hasBrowser = existsSync(CHROMIUM) || process.env['WINNOW_REQUIRE_BROWSER'] === '1'

/** Launch headless Chromium with nothing running in the background (no network, no updates). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Every console error, uncaught exception, dialog and network request the page makes. */
export function watchPage(page: Page): { errors: string[]; requests: string[] } {
  const errors: string[] = []
  const requests: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url())
  })
  return { errors, requests }
}
