// A labelled SVG bar chart: every bar carries its count as text, so it reads without colour.
import type { Bucket } from './buckets.js'
import { escapeHtml } from './escape.js'

/** What a bar chart shows. */
export interface BarChartOptions {
  /** Accessible name and visible heading of the chart. */
  title: string
  /** Axis captions, e.g. "cluster size" and "clusters". */
  xLabel: string
  yLabel: string
  bars: readonly Bucket[]
}

const WIDTH = 520
const HEIGHT = 250
const MARGIN = { top: 28, right: 12, bottom: 48, left: 44 }

/**
 * Draw `bars` as an SVG bar chart with a count above each bar and its label below.
 *
 * @example
 * renderBarChart({ title: 'Cluster sizes', xLabel: 'documents in cluster', yLabel: 'clusters', bars: sizeBuckets(sizes) })
 * // '<svg class="chart" role="img" …>…</svg>'
 */
export function renderBarChart(options: BarChartOptions): string {
  const { bars } = options
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const max = Math.max(1, ...bars.map((bar) => bar.count))
  const slot = plotWidth / Math.max(1, bars.length)
  const barWidth = Math.min(48, Math.max(2, slot * 0.7))
  const baseline = MARGIN.top + plotHeight
  const parts = bars.map((bar, index) => {
    // A non-empty bar is at least one pixel tall, so a count of 1 next to 50,000 still shows.
    const height = bar.count === 0 ? 0 : Math.max(1, (bar.count / max) * plotHeight)
    const x = MARGIN.left + index * slot + (slot - barWidth) / 2
    const centre = x + barWidth / 2
    const label = escapeHtml(bar.label)
    return [
      `<g><title>${label}: ${bar.count} ${escapeHtml(options.yLabel)}</title>`,
      `<rect class="bar" x="${fmt(x)}" y="${fmt(baseline - height)}" width="${fmt(barWidth)}" height="${fmt(height)}"/>`,
      `<text class="count" x="${fmt(centre)}" y="${fmt(baseline - height - 4)}" text-anchor="middle">${bar.count}</text>`,
      `<text class="tick" x="${fmt(centre)}" y="${baseline + 14}" text-anchor="middle">${label}</text></g>`,
    ].join('')
  })
  const title = escapeHtml(options.title)
  return [
    `<svg class="chart" role="img" aria-label="${title}" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${title}</title>`,
    `<line class="axis" x1="${MARGIN.left}" y1="${baseline}" x2="${WIDTH - MARGIN.right}" y2="${baseline}"/>`,
    `<text class="tick" x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" text-anchor="end">${max}</text>`,
    `<text class="tick" x="${MARGIN.left - 6}" y="${baseline}" text-anchor="end">0</text>`,
    ...parts,
    `<text class="axis-label" x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 8}" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(12 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(options.yLabel)}</text>`,
    '</svg>',
  ].join('')
}

function fmt(value: number): string {
  return String(Math.round(value * 10) / 10)
}
