// The overview section of the report as HTML: key figures, notices, rejects, charts and sites.
import type { RunStats } from '../types.js'
import { renderBarChart } from './bar-chart.js'
import { escapeHtml } from './escape.js'
import { renderSpreadChart } from './spread-chart.js'
import type { RunSummary } from './summarize-run.js'

/** What the overview knows besides the summary. */
export interface OverviewContext {
  source: string
  /** The run's stats file, when given. */
  stats?: RunStats
  /** Lines of the output file that could not be read as records. */
  unreadable: number
}

// Beyond this many sites the table and chart show the largest and say how many more there are.
const MAX_SITES = 40
const MAX_CHART_SITES = 15

const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const int = (x: number) => x.toLocaleString('en-US')

/**
 * The overview as an HTML fragment; every name from the data is escaped.
 *
 * @example
 * renderOverview(summarizeRun(records), { source: 'out.jsonl', unreadable: 0 })
 */
export function renderOverview(summary: RunSummary, context: OverviewContext): string {
  const rate = summary.documents === 0 ? 0 : summary.duplicates / summary.documents
  const { exact, near, contained } = summary.byReason
  const rejected = summary.rejects?.reduce((sum, r) => sum + r.count, 0) ?? context.stats?.rejected
  const figures: [string, string][] = [
    ['documents', int(summary.documents)],
    ['clusters', int(summary.clusters)],
    ['clusters with copies', int(summary.sharedClusters)],
    ['largest cluster', int(summary.largestCluster)],
    ['duplicates', `${int(summary.duplicates)} (${pct(rate)})`],
    ['joined as exact / near / contained', `${int(exact)} / ${int(near)} / ${int(contained)}`],
    ['rejected', rejected === undefined ? 'unknown' : int(rejected)],
  ]
  if (context.stats !== undefined) figures.push(['dedup time', `${context.stats.seconds} s`])
  return [
    '<section id="overview" aria-labelledby="overview-title">',
    '<h2 id="overview-title" tabindex="-1">Overview</h2>',
    notices(summary, context),
    '<dl class="figures">',
    ...figures.map(([name, value]) => `<div><dt>${name}</dt><dd>${value}</dd></div>`),
    '</dl>',
    rejectsTable(summary),
    '<div class="charts">',
    figure(
      renderBarChart({
        title: 'Cluster sizes',
        xLabel: 'documents in the cluster',
        yLabel: 'clusters',
        bars: summary.clusterSizes,
      }),
      'How many clusters have each size; a cluster of 1 is a document with no copy.',
    ),
    figure(
      renderBarChart({
        title: 'Similarity of duplicates to their canonical copy',
        xLabel: 'similarity (lower edge of each bin)',
        yLabel: 'duplicates',
        bars: summary.duplicates === 0 ? [] : summary.similarities,
      }),
      summary.duplicates === 0
        ? 'No duplicates in this run.'
        : 'Jaccard similarity of the shingles; exact copies are 1.',
    ),
    '</div>',
    removedChart(summary),
    sitesTable(summary),
    '</section>',
  ].join('\n')
}

function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`
}

function notices(summary: RunSummary, context: OverviewContext): string {
  const list: string[] = []
  if (!summary.hasRemoved) {
    list.push('Run <code>winnow dedup --removed</code> to see the lines cleaning removed.')
  }
  if (!summary.hasExplain) {
    list.push('Run <code>winnow dedup --explain</code> to see how each copy was matched.')
  }
  if (summary.rejects === null) {
    list.push(
      'Pass <code>--rejects FILE</code> (written by <code>dedup --rejects</code>) to count rejects by reason.',
    )
  }
  if (context.unreadable > 0) {
    list.push(
      `${int(context.unreadable)} line(s) of ${escapeHtml(context.source)} could not be read and are left out (see standard error).`,
    )
  }
  if (list.length === 0) return ''
  return `<ul class="notices">${list.map((item) => `<li>${item}</li>`).join('')}</ul>`
}

function rejectsTable(summary: RunSummary): string {
  if (summary.rejects === null) return ''
  if (summary.rejects.length === 0) return '<p>No input was rejected.</p>'
  const rows = summary.rejects.map(
    (r) =>
      `<tr><td><code>${escapeHtml(r.code)}</code></td><td class="num">${int(r.count)}</td></tr>`,
  )
  return `<table class="rejects"><caption>Rejected input by reason</caption><thead><tr><th scope="col">reason</th><th scope="col">inputs</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function removedChart(summary: RunSummary): string {
  if (!summary.hasRemoved) return ''
  const rows = summary.sites
    .slice(0, MAX_CHART_SITES)
    .flatMap((site) =>
      site.removedShare === null ? [] : [{ label: site.site, spread: site.removedShare }],
    )
  const more = summary.sites.length - rows.length
  return figure(
    renderSpreadChart('Share of each page removed as furniture, per site', rows),
    `Box: the middle half of the site's pages; mark: the median.${more > 0 ? ` The ${rows.length} largest sites; ${more} more in the table.` : ''}`,
  )
}

function sitesTable(summary: RunSummary): string {
  const sites = summary.sites.slice(0, MAX_SITES)
  const rows = sites.map((site) => {
    const removed = site.removedShare === null ? '–' : pct(site.removedShare.median)
    return `<tr><th scope="row">${escapeHtml(site.site)}</th><td class="num">${int(site.documents)}</td><td class="num">${int(site.duplicates)}</td><td class="num">${pct(site.duplicateRate)}</td><td class="num">${removed}</td></tr>`
  })
  const more = summary.sites.length - sites.length
  return [
    '<table class="sites"><caption>Sites</caption>',
    '<thead><tr><th scope="col">site</th><th scope="col">documents</th><th scope="col">duplicates</th><th scope="col">duplicate rate</th><th scope="col">median share removed</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    more > 0 ? `<p>${int(more)} smaller sites are not listed.</p>` : '',
  ].join('')
}
