// The cluster browser's views, built as DOM nodes: every text from the data goes in through
// textContent, never as HTML, so ids, URLs and pages cannot inject markup.

/* exported el, clusterRow, clusterView, pageTable, diffTable */
/* global alignPages */

const REASONS = ['canonical', 'exact', 'near', 'contained']
const MARKS = { shared: '=', changed: '~', removed: '×' }

function el(tag, attributes, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value)
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue
    node.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child)
  }
  return node
}

const fixed = (thousandths) => (thousandths < 0 ? '–' : (thousandths / 1000).toFixed(3))
const percent = (thousandths) => (thousandths < 0 ? '–' : `${Math.round(thousandths / 10)}%`)

// A URL is a link only when it is http(s); anything else (javascript:, data:) stays text.
function urlNode(url) {
  if (url === '') return el('span', { class: 'url none' }, 'no URL')
  return /^https?:\/\//i.test(url)
    ? el('a', { class: 'url', href: url, rel: 'noopener noreferrer' }, url)
    : el('span', { class: 'url' }, url)
}

// One line of the cluster list: size, canonical id and URL, how the copies joined.
function clusterRow(meta, cluster, match) {
  const docs = meta.clusters[cluster]
  const head = docs[0]
  const counts = {}
  let lowest = 1000
  for (const d of docs.slice(1)) {
    const reason = REASONS[meta.reason[d]]
    counts[reason] = (counts[reason] || 0) + 1
    lowest = Math.min(lowest, meta.similarity[d])
  }
  const joined = REASONS.filter((reason) => counts[reason]).map((r) => `${counts[r]} ${r}`)
  const summary =
    docs.length === 1 ? 'no copies' : `${joined.join(', ')}; lowest similarity ${fixed(lowest)}`
  return el(
    'li',
    null,
    el(
      'a',
      { class: 'cluster-link', href: `#cluster=${cluster}`, 'data-cluster': cluster },
      el('span', { class: 'size' }, `${docs.length} doc${docs.length === 1 ? '' : 's'}`),
      el('span', { class: 'id' }, meta.ids[head]),
      el('span', { class: 'url' }, meta.urls[head] || 'no URL'),
      el('span', { class: 'joined' }, summary),
      match !== undefined && match !== head
        ? el('span', { class: 'match' }, `match: ${meta.ids[match]}`)
        : null,
    ),
  )
}

// The members table of a cluster; each member's id is a button that shows it beside the canonical.
function membersTable(meta, docs, selected) {
  const explain = meta.hasExplain
  const header = ['document', 'URL', 'joined as', 'similarity']
  if (explain) header.push('Jaccard', 'containment', 'matched with')
  header.push('removed')
  const rows = docs.map((d) => {
    const cells = [
      el(
        'td',
        null,
        el(
          'button',
          {
            type: 'button',
            class: 'member',
            'data-doc': d,
            'aria-pressed': String(d === selected),
          },
          meta.ids[d],
        ),
      ),
      el('td', null, urlNode(meta.urls[d])),
      el('td', null, REASONS[meta.reason[d]]),
      el('td', { class: 'num' }, fixed(meta.similarity[d])),
    ]
    if (explain) {
      cells.push(
        el('td', { class: 'num' }, fixed(meta.jaccard[d])),
        el('td', { class: 'num' }, fixed(meta.containment[d])),
        el('td', null, meta.matched[d] < 0 ? '–' : meta.ids[meta.matched[d]]),
      )
    }
    cells.push(el('td', { class: 'num' }, percent(meta.removedShare[d])))
    return el('tr', d === selected ? { class: 'selected' } : null, cells)
  })
  // A large cluster's table scrolls on its own, so the comparison below stays in reach.
  return el(
    'div',
    { class: 'members-wrap' },
    el(
      'table',
      { class: 'members' },
      el('caption', null, 'Members (choose one to compare it with the canonical copy)'),
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          header.map((name) => el('th', { scope: 'col' }, name)),
        ),
      ),
      el('tbody', null, rows),
    ),
  )
}

function cellNode(cell, side) {
  if (cell === null) return el('td', { class: 'cell empty' })
  const mark = cell.kind === 'only' ? (side === 'left' ? '−' : '+') : MARKS[cell.kind]
  const label =
    cell.kind === 'removed'
      ? el('span', { class: 'rule' }, `removed: ${cell.rule}`)
      : cell.kind === 'only'
        ? el('span', { class: 'rule' }, side === 'left' ? 'only in canonical' : 'only in this copy')
        : null
  const text = cell.pieces
    ? cell.pieces.map((piece) =>
        piece.kind === 'same' ? piece.text : el('mark', { class: 'changed-words' }, piece.text),
      )
    : cell.text
  return el(
    'td',
    { class: `cell ${cell.kind}` },
    el('span', { class: 'mark', 'aria-hidden': 'true' }, mark),
    label,
    el('span', { class: 'text' }, text),
  )
}

// One page alone: kept lines, and removed lines greyed with their rule.
function pageTable(meta, report, d) {
  const rows = report
    .page(d)
    .map((line) =>
      el(
        'tr',
        null,
        cellNode({ kind: line.rule === null ? 'shared' : 'removed', ...line }, 'left'),
      ),
    )
  return el(
    'table',
    { class: 'diff single' },
    el('thead', null, el('tr', null, el('th', { scope: 'col' }, `Page: ${meta.ids[d]}`))),
    el('tbody', null, rows),
  )
}

// The canonical copy and one member side by side, aligned.
function diffTable(meta, report, canonical, member) {
  const rows = alignPages(report.page(canonical), report.page(member)).map((row) =>
    el('tr', null, cellNode(row.left, 'left'), cellNode(row.right, 'right')),
  )
  return el(
    'table',
    { class: 'diff' },
    el(
      'thead',
      null,
      el(
        'tr',
        null,
        el('th', { scope: 'col' }, `Canonical: ${meta.ids[canonical]}`),
        el('th', { scope: 'col' }, `${REASONS[meta.reason[member]]} copy: ${meta.ids[member]}`),
      ),
    ),
    el('tbody', null, rows),
  )
}

function clusterView(meta, report, cluster, selected) {
  const docs = meta.clusters[cluster]
  const head = docs[0]
  const notices = []
  if (!meta.hasRemoved) {
    notices.push('Run winnow dedup with --removed to see the lines cleaning removed.')
  }
  if (!meta.hasExplain) {
    notices.push('Run winnow dedup with --explain to see how each copy was matched.')
  }
  return el(
    'div',
    null,
    el('p', null, el('a', { class: 'back', href: '#clusters' }, '← All clusters')),
    el('h2', { id: 'cluster-title', tabindex: '-1' }, `Cluster of ${meta.ids[head]}`),
    el(
      'p',
      null,
      `${docs.length} document${docs.length === 1 ? '' : 's'} · site ${meta.sites[meta.site[head]]} · `,
      urlNode(meta.urls[head]),
    ),
    notices.map((text) => el('p', { class: 'notice' }, text)),
    membersTable(meta, docs, selected),
    el(
      'p',
      { class: 'legend' },
      '= in both · − only in the canonical copy · + only in this copy · ~ changed words marked · × removed by cleaning, with its rule',
    ),
    selected === head ? pageTable(meta, report, head) : diffTable(meta, report, head, selected),
  )
}
