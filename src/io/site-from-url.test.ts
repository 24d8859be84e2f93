// Tests for deriving a site from a URL's host.
import { describe, expect, it } from 'vitest'
import { siteFromUrl } from './site-from-url.js'

describe('siteFromUrl', () => {
  it('lower-cases the host and drops a leading www.', () => {
    expect(siteFromUrl('https://WWW.Example.COM/a?b=1')).toBe('example.com')
    expect(siteFromUrl('http://news.example.org:8080/x')).toBe('news.example.org')
    expect(siteFromUrl('https://wwwx.example.org/')).toBe('wwwx.example.org')
  })

  it('is undefined for text that is not a URL with a host', () => {
    expect(siteFromUrl('not a url')).toBeUndefined()
    expect(siteFromUrl('/relative/path')).toBeUndefined()
    expect(siteFromUrl('mailto:someone@example.com')).toBeUndefined()
  })
})
