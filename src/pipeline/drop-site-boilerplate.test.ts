import { describe, expect, it } from 'vitest'
import { dropSiteBoilerplate } from './drop-site-boilerplate.js'

describe('dropSiteBoilerplate', () => {
  const article = (i: number) =>
    `Story ${'abcdefghij'[i]} begins here.\nIts own second line ${'abcdefghij'[i]}.`
  const prompt = 'Get the latest updates right in your inbox. Subscribe to our newsletters.'

  it('removes lines printed on eight or more pages of one site, and only there', () => {
    const pages = Array.from({ length: 8 }, (_, i) => ({
      site: 'a.example',
      text: `${article(i)}\n${prompt}`,
    }))
    const other = { site: 'b.example', text: `${article(9)}\n${prompt}` }
    const bare = { text: `${article(8)}\n${prompt}` }
    const texts = dropSiteBoilerplate([...pages, other, bare])
    expect(texts.slice(0, 8)).toEqual(pages.map((_, i) => article(i)))
    expect(texts[8]).toBe(other.text)
    expect(texts[9]).toBe(bare.text)
  })

  it('counts a recaptured page once', () => {
    const pages = Array.from({ length: 8 }, () => ({
      site: 'a.example',
      text: `${article(0)}\n${prompt}`,
    }))
    expect(dropSiteBoilerplate(pages)).toEqual(pages.map((page) => page.text))
  })
})
