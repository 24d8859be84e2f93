// The group whose pages share a template: the site field, else the URL's host, else one group.
import { siteFromUrl } from '../io/site-from-url.js'
import type { InputDocument } from '../types.js'

/**
 * The site a document belongs to for template statistics: its `site`, else the host of its URL
 * without `www.`, else the empty string (all such documents form one group).
 *
 * @example
 * siteOf({ url: 'https://www.example.com/a' }) // 'example.com'
 */
export function siteOf(doc: Pick<InputDocument, 'site' | 'url'>): string {
  if (doc.site !== undefined && doc.site !== '') return doc.site.toLowerCase()
  return (doc.url === undefined ? undefined : siteFromUrl(doc.url)) ?? ''
}
