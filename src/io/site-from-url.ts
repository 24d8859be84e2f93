// The site a JSON Lines record belongs to when it names none: its URL's host.

/**
 * The host name of `url`, lower-case and without a leading `www.`, so `www.example.com` and
 * `example.com` share template statistics. Undefined when the URL does not parse or has no host.
 *
 * @example
 * siteFromUrl('https://WWW.Example.com/a?b=1') // 'example.com'
 * siteFromUrl('not a url') // undefined
 */
export function siteFromUrl(url: string): string | undefined {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  const site = host.replace(/^www\./, '')
  return site === '' ? undefined : site
}
