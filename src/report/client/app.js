// The cluster browser: routes (#overview, #clusters, #cluster=N), the search box, the paged
// cluster list and keyboard navigation. Starts as soon as the per-document table is parsed.

/* global loadReport, createSearch, el, clusterRow, clusterView */

const PAGE_SIZE = 50
const TYPING_PAUSE_MS = 150

const report = loadReport(document)
const { meta } = report
const search = createSearch(report)
const state = { query: '', page: 0, results: null, matches: new Map(), stop: null, opened: -1 }
const overview = document.getElementById('overview')
const browser = document.getElementById('browser')

const input = el('input', {
  id: 'search',
  type: 'search',
  autocomplete: 'off',
  placeholder: 'id, URL or words of the text',
})
const status = el('p', { id: 'search-status', role: 'status', 'aria-live': 'polite' })
const list = el('ol', { id: 'cluster-list', class: 'cluster-list' })
const pager = el('nav', { class: 'pager', 'aria-label': 'Pages of clusters' })
const listView = el(
  'div',
  { id: 'list-view' },
  el('h2', { id: 'browser-title', tabindex: '-1' }, 'Clusters'),
  el(
    'form',
    { role: 'search', class: 'search' },
    el('label', { for: 'search' }, 'Search ids, URLs and text '),
    input,
  ),
  status,
  list,
  pager,
)
const clusterPane = el('div', { id: 'cluster-view', hidden: 'hidden' })
browser.append(listView, clusterPane)

// All clusters when not searching, else those with a matching member, in cluster order.
function shown() {
  if (state.results === null) return meta.clusters.map((_, c) => c)
  return [...state.results].sort((a, b) => a - b)
}

function renderList() {
  const clusters = shown()
  const pages = Math.max(1, Math.ceil(clusters.length / PAGE_SIZE))
  state.page = Math.min(state.page, pages - 1)
  const start = state.page * PAGE_SIZE
  list.replaceChildren(
    ...clusters
      .slice(start, start + PAGE_SIZE)
      .map((c) => clusterRow(meta, c, state.matches.get(c))),
  )
  list.setAttribute('start', String(start + 1))
  const button = (label, page, disabled) =>
    el(
      'button',
      { type: 'button', 'data-page': page, disabled: disabled ? 'disabled' : null },
      label,
    )
  pager.replaceChildren(
    button('Previous page', state.page - 1, state.page === 0),
    el('span', null, ` Page ${state.page + 1} of ${pages} (${clusters.length} clusters) `),
    button('Next page', state.page + 1, state.page >= pages - 1),
  )
}

function addMatches(docs) {
  for (const d of docs) {
    const c = report.clusterOf[d]
    state.results.add(c)
    if (!state.matches.has(c)) state.matches.set(c, d)
  }
}

function runSearch() {
  const query = input.value.trim().toLowerCase()
  if (state.stop) state.stop()
  state.stop = null
  state.query = query
  state.page = 0
  state.matches = new Map()
  if (query === '') {
    state.results = null
    status.textContent = ''
    delete status.dataset.done
    renderList()
    return
  }
  state.results = new Set()
  addMatches(search.byName(query))
  const byName = state.results.size
  status.textContent = `${byName} clusters match by id or URL; searching the text…`
  delete status.dataset.done
  renderList()
  state.stop = search.byText(query, (docs, done, total) => {
    const before = state.results.size
    addMatches(docs)
    const finished = done === total
    status.textContent = finished
      ? `${state.results.size} clusters match “${query}” (${byName} by id or URL)`
      : `${state.results.size} clusters match so far; searched ${done} of ${total} parts of the text…`
    if (finished) status.dataset.done = query
    if (state.results.size !== before || finished) renderList()
  })
}

function openCluster(cluster, member) {
  const docs = meta.clusters[cluster]
  if (!docs) return false
  const selected = docs.includes(member) ? member : docs.length > 1 ? docs[1] : docs[0]
  state.opened = cluster
  report.parsed.then(() => {
    clusterPane.replaceChildren(clusterView(meta, report, cluster, selected))
    listView.hidden = true
    clusterPane.hidden = false
    const focus = member === undefined ? '#cluster-title' : `button.member[data-doc="${selected}"]`
    clusterPane.querySelector(focus).focus()
  })
  return true
}

function route() {
  const hash = location.hash.slice(1)
  const cluster = /^cluster=(\d+)(?:&member=(\d+))?$/.exec(hash)
  const onOverview = hash === '' || hash === 'overview'
  overview.hidden = !onOverview
  browser.hidden = onOverview
  if (cluster && openCluster(Number(cluster[1]), cluster[2] && Number(cluster[2]))) return
  clusterPane.hidden = true
  listView.hidden = false
  if (hash === 'overview') document.getElementById('overview-title').focus()
  if (onOverview) return
  const link = list.querySelector(`a[data-cluster="${state.opened}"]`)
  if (link) link.focus()
  else if (hash === 'clusters') document.getElementById('browser-title').focus()
}

// Arrow keys move between the clusters of the list and between the members of a cluster.
function moveFocus(selector, from, step) {
  const items = [...document.querySelectorAll(selector)]
  const next = items[items.indexOf(from) + step]
  if (next) next.focus()
  return next
}

let typing = 0
input.addEventListener('input', () => {
  clearTimeout(typing)
  typing = setTimeout(runSearch, TYPING_PAUSE_MS)
})
listView.querySelector('form').addEventListener('submit', (event) => {
  event.preventDefault()
  clearTimeout(typing)
  runSearch()
})
pager.addEventListener('click', (event) => {
  const page = event.target.closest('button[data-page]')
  if (!page) return
  state.page = Number(page.dataset.page)
  renderList()
  const first = list.querySelector('a')
  if (first) first.focus()
})
clusterPane.addEventListener('click', (event) => {
  const member = event.target.closest('button.member')
  if (member) location.hash = `cluster=${state.opened}&member=${member.dataset.doc}`
})
document.addEventListener('keydown', (event) => {
  const target = event.target
  const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
  if (target === input && step === 1) {
    const first = list.querySelector('a')
    if (first) first.focus()
    event.preventDefault()
  } else if (target.matches && target.matches('a.cluster-link') && step !== 0) {
    if (!moveFocus('a.cluster-link', target, step) && step === -1) input.focus()
    event.preventDefault()
  } else if (target.matches && target.matches('button.member') && step !== 0) {
    const next = moveFocus('button.member', target, step)
    if (next) next.click()
    event.preventDefault()
  } else if (event.key === 'Escape' && !clusterPane.hidden) {
    location.hash = 'clusters'
  } else if (event.key === '/' && target !== input && !browser.hidden) {
    input.focus()
    event.preventDefault()
  }
})
window.addEventListener('hashchange', route)

renderList()
route()
document.documentElement.dataset.ready = String(Math.round(performance.now()))
