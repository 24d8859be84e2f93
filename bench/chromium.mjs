// Headless Chromium for the report benchmark and screenshots: Debian's package via playwright-core.
import { chromium } from 'playwright-core'

/** Launch Debian's Chromium headless, with nothing running in the background. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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
