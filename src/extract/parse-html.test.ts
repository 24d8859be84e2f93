import { Element, isTag, isText, Text } from 'domhandler'
import { describe, expect, it } from 'vitest'
import { parseHtml } from './parse-html.js'

describe('parseHtml', () => {
  it("builds domhandler's nodes, linked as its own handler links them", () => {
    const result = parseHtml('<div id="a">One &amp; <b>two</b><script>x()</script>three</div>')
    if (!('document' in result)) throw new Error(result.reason)
    const [div] = result.document.children
    expect(div).toBeInstanceOf(Element)
    if (!(div instanceof Element)) return
    expect(div.attribs).toEqual({ id: 'a' })
    expect(div.parentNode).toBe(result.document)
    const child = (i: number) => {
      const node = div.children[i]
      if (node === undefined) throw new Error(`no child ${i}`)
      return node
    }
    const [one, bold, script, three] = [child(0), child(1), child(2), child(3)]
    expect(one).toBeInstanceOf(Text)
    expect(isText(one) && one.data).toBe('One & ')
    expect(isTag(bold) && bold.name).toBe('b')
    expect(isTag(script) && script.type).toBe('script')
    expect(one.nextSibling).toBe(bold)
    expect(three.previousSibling).toBe(script)
    expect(isText(three) && three.data).toBe('three')
    expect(div.firstChild).toBe(one)
  })

  it('refuses pages nested past the limit', () => {
    const deep = '<div>'.repeat(50)
    expect(parseHtml(deep, { maxChars: 1000, maxDepth: 20 })).toMatchObject({
      code: 'page_too_deep',
    })
    expect(parseHtml(deep, { maxChars: 10, maxDepth: 20 })).toMatchObject({
      code: 'page_too_large',
    })
  })
})
