// The served page's form: paste a page, ask the service whether it is new and which cluster it
// would join. Runs only in the page `winnow serve` sends, where the policy allows `connect-src
// 'self'`; a report written to a file has no form.

/* global fetch, FormData */

const form = document.getElementById('check-form')
const result = document.getElementById('check-result')
const meta = JSON.parse(document.getElementById('winnow-meta').textContent)
const endpoint = form.getAttribute('action')

// The cluster number of a document id in this page's list, to link a verdict to its cluster.
const clusterOfId = new Map()
meta.clusters.forEach((members, c) => {
  for (const doc of members) clusterOfId.set(meta.ids[doc], c)
})

function show(...parts) {
  result.replaceChildren(...parts)
  result.dataset.done = String(Number(result.dataset.done ?? '0') + 1)
}

function clusterLink(id) {
  const c = clusterOfId.get(id)
  if (c === undefined) return document.createTextNode(id)
  const link = document.createElement('a')
  link.href = `#cluster=${c}`
  link.textContent = id
  return link
}

function verdictText(verdict) {
  const text = (value) => document.createTextNode(value)
  if (verdict.status === 'new') {
    return [text('New: no copy of this page is in the index; it would start its own cluster.')]
  }
  const share = `similarity ${verdict.similarity.toFixed(2)}${verdict.reason ? `, ${verdict.reason}` : ''}`
  if (verdict.status === 'already_seen') {
    return [
      text('Already seen: this id is in the index, in the cluster of '),
      clusterLink(verdict.cluster),
      text('.'),
    ]
  }
  if (verdict.canonical) {
    return [
      text(
        'Duplicate: a copy is in the index, and this page is the more complete one; it would become the canonical copy of the cluster of ',
      ),
      clusterLink(verdict.cluster),
      text('.'),
    ]
  }
  return [text(`Duplicate (${share}) of `), clusterLink(verdict.cluster), text('.')]
}

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  const data = new FormData(form)
  const page = String(data.get('page') ?? '')
  if (page.trim() === '') {
    show(document.createTextNode('Paste the text or the HTML of a page first.'))
    return
  }
  const body = { id: `pasted-${Date.now()}`, [data.get('kind') === 'html' ? 'html' : 'text']: page }
  const url = String(data.get('url') ?? '').trim()
  if (url !== '') body.url = url
  const headers = { 'content-type': 'application/json' }
  const token = String(data.get('token') ?? '').trim()
  if (token !== '') headers.authorization = `Bearer ${token}`
  show(document.createTextNode('Checking…'))
  try {
    const response = await fetch(endpoint, { method: 'POST', headers, body: JSON.stringify(body) })
    const answer = await response.json()
    if (!response.ok) {
      show(
        document.createTextNode(
          `The service said no (${response.status}): ${answer?.error?.message ?? 'unknown error'}`,
        ),
      )
      return
    }
    show(...verdictText(answer))
  } catch (error) {
    show(document.createTextNode(`The service could not be reached: ${error.message}`))
  }
})
