// A labelled SVG chart of shares (0..1) per row: a box from the lower to the upper quartile, a
// mark at the median, and the figures written out beside each row.
import { escapeHtml } from './escape.js'
import type { Spread } from './summarize-run.js'

/** One row of a spread chart. */
export interface SpreadRow {
  label: string
  spread: Spread
}

const WIDTH = 640
const ROW = 22
const LABEL = 170
const PLOT = 260

/**
 * Draw one row per label: the interquartile box, the median mark, and
 * "median 34% (25–75%: 28–41%)" as text, so it reads without colour.
 *
 * @example
 * renderSpreadChart('Share of each page removed, per site', [{ label: 'example.com', spread }])
 */
export function renderSpreadChart(title: string, rows: readonly SpreadRow[]): string {
  const height = 30 + rows.length * ROW + 24
  const x = (share: number) => (LABEL + share * PLOT).toFixed(1)
  const pct = (share: number) => `${Math.round(share * 100)}%`
  const body = rows.map(({ label, spread }, index) => {
    const y = 30 + index * ROW
    const text = `median ${pct(spread.median)} (25–75%: ${pct(spread.low)}–${pct(spread.high)})`
    const name = escapeHtml(label.length > 26 ? `${label.slice(0, 25)}…` : label)
    return [
      `<g><title>${escapeHtml(label)}: ${text}, mean ${pct(spread.mean)}</title>`,
      `<text class="tick" x="${LABEL - 8}" y="${y + 14}" text-anchor="end">${name}</text>`,
      `<rect class="bar" x="${x(spread.low)}" y="${y + 4}" width="${Math.max(1, (spread.high - spread.low) * PLOT).toFixed(1)}" height="${ROW - 8}"/>`,
      `<line class="median" x1="${x(spread.median)}" y1="${y + 1}" x2="${x(spread.median)}" y2="${y + ROW - 1}"/>`,
      `<text class="count" x="${LABEL + PLOT + 8}" y="${y + 14}">${text}</text></g>`,
    ].join('')
  })
  const bottom = 30 + rows.length * ROW
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (share) =>
      `<line class="grid" x1="${x(share)}" y1="24" x2="${x(share)}" y2="${bottom}"/>` +
      `<text class="tick" x="${x(share)}" y="${bottom + 14}" text-anchor="middle">${pct(share)}</text>`,
  )
  const name = escapeHtml(title)
  return [
    `<svg class="chart" role="img" aria-label="${name}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${name}</title>`,
    `<text class="axis-label" x="${LABEL + PLOT / 2}" y="14" text-anchor="middle">share of the page removed (characters)</text>`,
    ...ticks,
    ...body,
    '</svg>',
  ].join('')
}
