import { describe, expect, it } from 'vitest'
import { cleanPage } from './clean-page.js'
import { createCorpusStats } from './corpus-stats.js'

const BODY = [
  'Harbor officials in Port Elling said on Tuesday that the new ferry terminal will open in May, two months later than planned, after storms delayed work on the pier.',
  'The terminal, built for 40 million crowns, will let the ferry company double its crossings to the islands during the summer season, the harbor board said.',
  'Ferry company director Mara Vint said the delay would cost the company some bookings but that passengers would see shorter queues once the terminal opened.',
  'The harbor board said the pier foundations had been finished and that only the waiting hall and the ticket office were still under construction.',
]
const TITLE = 'Port Elling ferry terminal to open in May after storm delays'

function page(parts: string[]): string {
  return parts.join('\n\n')
}

// Pages of one invented site: the same header and footer around different articles.
function sitePages(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    page([
      'Skip to content',
      'Home | Local | Business | Sport',
      `Unrelated story number ${i} about the weather`,
      `Story ${i} tells how the local choir number ${i} rehearsed for weeks in the old church hall before the spring concert.`,
      'Sign up for the Morning Coast newsletter',
      '© Coast Media Group',
    ]),
  )
}

function cleanWithSite(
  text: string,
  others: string[] = sitePages(12),
): ReturnType<typeof cleanPage> {
  const stats = createCorpusStats()
  for (const other of others) stats.addPage('coast.example', other)
  stats.addPage('coast.example', text)
  return cleanPage(text, stats.contextFor('coast.example'))
}

describe('cleanPage', () => {
  it('keeps the headline and every body paragraph, one a line', () => {
    const result = cleanWithSite(page(['Skip to content', TITLE, ...BODY]))
    expect(result.text).toBe([TITLE, ...BODY].join('\n'))
  })

  it('removes lines that recur on many pages of the site', () => {
    const text = page([
      'Skip to content',
      'Home | Local | Business | Sport',
      TITLE,
      ...BODY,
      'Sign up for the Morning Coast newsletter',
      '© Coast Media Group',
    ])
    const result = cleanWithSite(text)
    expect(result.text).toBe([TITLE, ...BODY].join('\n'))
    expect(result.removed.find((line) => line.text === 'Skip to content')?.rule).toBe('template')
  })

  it('drops a caption printed twice and a credit line', () => {
    const caption = 'Workers on the new pier in Port Elling, seen from the harbor wall.'
    const result = cleanWithSite(page([TITLE, caption, caption, 'Photo: Ane Berg', ...BODY]))
    expect(result.text).not.toContain(caption)
    expect(result.text).not.toContain('Ane Berg')
    expect(result.removed.filter((line) => line.rule === 'repeated')).toHaveLength(2)
  })

  it('keeps the plain copy of a pull quote and drops the quoted one', () => {
    const quote = `“${BODY[2]}”`
    const result = cleanWithSite(page([TITLE, BODY[0]!, BODY[1]!, quote, BODY[2]!, BODY[3]!]))
    expect(result.text).toBe([TITLE, ...BODY].join('\n'))
    expect(result.removed.map((line) => line.rule)).toEqual(['quoted'])
  })

  it('drops a browser title that repeats the headline with the site name', () => {
    const result = cleanWithSite(page([`${TITLE} | Morning Coast`, 'Menu', TITLE, ...BODY]))
    expect(result.text.split('\n')[0]).toBe(TITLE)
    expect(result.removed.some((line) => line.rule === 'title_with_site')).toBe(true)
  })

  it('cuts a teaser block of unrelated articles after the body', () => {
    const teasers = [
      'More from the Coast',
      'Choir wins regional prize',
      'The Elling chamber choir took first place at the regional festival with a programme of folk songs and hymns.',
      'Bakery marks fifty years',
      'A family bakery on Quay Street celebrated its fiftieth anniversary with free cinnamon buns for every customer who came in.',
    ]
    const result = cleanWithSite(page([TITLE, ...BODY, ...teasers]))
    expect(result.text).toBe([TITLE, ...BODY].join('\n'))
    expect(result.removed.filter((line) => line.rule === 'after_article')).toHaveLength(
      teasers.length,
    )
  })

  it('removes "label:" lines whose label the site uses on many pages', () => {
    const others = sitePages(12).map((text, i) => `${text}\n\nRead more: Story ${i} of the week`)
    const text = page([TITLE, BODY[0]!, 'Read more: Fishing quotas cut again', ...BODY.slice(1)])
    const result = cleanWithSite(text, others)
    expect(result.removed.find((line) => line.text.startsWith('Read more'))?.rule).toBe(
      'template_label',
    )
    expect(result.text).toBe([TITLE, ...BODY].join('\n'))
  })

  it('removes captions written from one site-wide pattern', () => {
    const others = sitePages(12).map(
      (text, i) => `Person${i} Name${i}, in a file photo from 2021.\n\n${text}`,
    )
    const text = page([TITLE, 'Mara Vint, in a file photo from 2022.', ...BODY])
    const result = cleanWithSite(text, others)
    expect(result.removed.find((line) => line.text.startsWith('Mara Vint'))?.rule).toBe(
      'template_shape',
    )
  })

  it('keeps every non-furniture line of a page without prose', () => {
    const result = cleanWithSite(page(['Skip to content', 'Tide table', 'High water 06:12']))
    expect(result.text).toBe('Tide table\nHigh water 06:12')
  })

  it('returns empty text for an empty page', () => {
    expect(cleanWithSite('  \n\n ').text).toBe('')
  })
})
