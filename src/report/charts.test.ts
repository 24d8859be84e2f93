import { describe, expect, it } from 'vitest'
import { renderBarChart } from './bar-chart.js'
import { escapeHtml, jsonForScript } from './escape.js'
import { renderSpreadChart } from './spread-chart.js'

describe('escaping', () => {
  it('escapes markup in text and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('keeps script-closing text out of embedded JSON, and reads back unchanged', () => {
    const value = { text: '</script><script>alert(1)</script><!-- \u2028' }
    const json = jsonForScript(value)
    expect(json).not.toMatch(/<|\u2028/)
    expect(JSON.parse(json)).toEqual(value)
  })
})

describe('charts', () => {
  it('draws one labelled bar per bucket, with its count as text', () => {
    const svg = renderBarChart({
      title: 'Cluster sizes',
      xLabel: 'size',
      yLabel: 'clusters',
      bars: [
        { label: '1', count: 120 },
        { label: '2', count: 0 },
        { label: '<3>', count: 7 },
      ],
    })
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(3)
    expect(svg).toContain('>120</text>')
    expect(svg).toContain('>7</text>')
    expect(svg).toContain('&lt;3&gt;')
    expect(svg).not.toContain('<3>')
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Cluster sizes"/)
  })

  it('writes the median and quartiles of each row out as text', () => {
    const svg = renderSpreadChart('Removed', [
      { label: 'a<b>.com', spread: { low: 0.2, median: 0.35, high: 0.5, mean: 0.36 } },
    ])
    expect(svg).toContain('median 35% (25–75%: 20%–50%)')
    expect(svg).toContain('a&lt;b&gt;.com')
    expect(svg).not.toContain('a<b>')
  })
})
