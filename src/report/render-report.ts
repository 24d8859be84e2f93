// The whole report page: one self-contained HTML file with the overview, the data and the client.
import { createHash } from 'node:crypto'
import type { DedupRecord, Reject, RunStats } from '../types.js'
import { checkFormScript, clientAssets } from './client-assets.js'
import { escapeHtml, jsonForScript } from './escape.js'
import { packReport } from './pack-report.js'
import { renderOverview } from './render-overview.js'
import { summarizeRun } from './summarize-run.js'

/** What a report is made from: the output of `winnow dedup`, and what else is known of the run. */
export interface ReportInput {
  records: readonly DedupRecord[]
  /** The name the report gives its data, usually the output file. */
  source: string
  /** The run's rejects (`dedup --rejects`); without them rejects are counted from `stats`. */
  rejects?: readonly Reject[]
  stats?: RunStats
  /** Lines of the output file that could not be read as records. */
  unreadable?: number
}

/** Options for {@link renderReport}. */
export interface ReportOptions {
  /** Documents per text chunk; see `packReport`. */
  chunkSize?: number
  /**
   * For a page a service sends: a form to paste a page and ask `endpoint` (same origin) whether
   * it is new; the page's policy then allows connections to its own origin.
   */
  checkForm?: { endpoint: string }
}

/**
 * Render the report as HTML, piece by piece, so a large report is written without building one
 * huge string. The page needs no network: styles and script are inlined, and a
 * Content-Security-Policy allows only that script (by its hash) and no connections.
 *
 * @example
 * await pipeline(Readable.from(renderReport({ records, source: 'out.jsonl' })), createWriteStream('report.html'))
 */
export function* renderReport(input: ReportInput, options: ReportOptions = {}): Generator<string> {
  const { script, style } = clientAssets()
  const summary = summarizeRun(input.records, input.rejects)
  const { meta, chunk } = packReport(input.records, {
    source: input.source,
    ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
  })
  const hashOf = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`
  const form = options.checkForm === undefined ? undefined : checkFormScript()
  const scripts = form === undefined ? hashOf(script) : `${hashOf(script)} ${hashOf(form)}`
  const connect = form === undefined ? '' : "; connect-src 'self'"
  const csp = `default-src 'none'; script-src ${scripts}; style-src 'unsafe-inline'; img-src data:${connect}`
  const source = escapeHtml(input.source)
  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>winnow report: ${source}</title>`,
    `<style>\n${style}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to content</a>',
    '<header>',
    `<h1>winnow report <span class="source">${source}</span></h1>`,
    '<nav aria-label="Views"><a href="#overview">Overview</a> <a href="#clusters">Clusters</a></nav>',
    '</header>',
    '<main id="main">',
    options.checkForm === undefined ? '' : renderCheckForm(options.checkForm.endpoint),
    renderOverview(summary, {
      source: input.source,
      unreadable: input.unreadable ?? 0,
      ...(input.stats === undefined ? {} : { stats: input.stats }),
    }),
    '<section id="browser" aria-labelledby="browser-title" hidden>',
    '<noscript>The cluster browser needs JavaScript.</noscript>',
    '</section>',
    '</main>',
    `<script type="application/json" id="winnow-meta">${jsonForScript(meta)}</script>`,
    // The client runs before the texts are parsed, so the list shows while they still load.
    `<script>${script}</script>`,
    '',
  ].join('\n')
  for (let k = 0; k < meta.chunks; k++) {
    yield `<script type="application/json" id="winnow-chunk-${k}">${jsonForScript(chunk(k))}</script>\n`
  }
  if (form !== undefined) yield `<script>${form}</script>\n`
  yield '</body>\n</html>\n'
}

// The form is plain HTML, usable with the keyboard: labels, one submit button, a live result.
function renderCheckForm(endpoint: string): string {
  return [
    '<section id="check" aria-labelledby="check-title">',
    '<h2 id="check-title">Check a page</h2>',
    `<form id="check-form" action="${escapeHtml(endpoint)}" method="post">`,
    '<label for="check-page">Page text or HTML</label>',
    '<textarea id="check-page" name="page" rows="6" required></textarea>',
    '<fieldset><legend>The page is</legend>',
    '<label><input type="radio" name="kind" value="text" checked> text</label>',
    '<label><input type="radio" name="kind" value="html"> HTML</label>',
    '</fieldset>',
    '<label for="check-url">URL (optional: its site\'s template statistics clean it)</label>',
    '<input id="check-url" name="url" type="url" autocomplete="off">',
    '<label for="check-token">Token (when the service needs one)</label>',
    '<input id="check-token" name="token" type="password" autocomplete="off">',
    '<button type="submit">Check</button>',
    '</form>',
    '<p id="check-result" role="status" aria-live="polite"></p>',
    '</section>',
  ].join('\n')
}
