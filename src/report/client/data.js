// The report's embedded data: the per-document table, parsed at once, and the page texts, parsed
// a chunk at a time when a cluster is opened or the text is searched.

/* exported loadReport */

// Parsed chunks kept at once; a text search walks every chunk, so older ones are dropped.
const CHUNK_CACHE = 24

function loadReport(doc) {
  const meta = JSON.parse(doc.getElementById('winnow-meta').textContent)
  const clusterOf = new Int32Array(meta.ids.length)
  meta.clusters.forEach((docs, cluster) => {
    for (const d of docs) clusterOf[d] = cluster
  })
  // The chunks follow the client script in the page, so they exist once parsing is done.
  const parsed =
    doc.readyState === 'loading'
      ? new Promise((resolve) => doc.addEventListener('DOMContentLoaded', resolve, { once: true }))
      : Promise.resolve()
  const cache = new Map()

  function chunk(index) {
    let found = cache.get(index)
    if (found) {
      cache.delete(index)
    } else {
      found = JSON.parse(doc.getElementById(`winnow-chunk-${index}`).textContent)
      found.position = new Map(found.docs.map((d, i) => [d, i]))
      if (cache.size >= CHUNK_CACHE) cache.delete(cache.keys().next().value)
    }
    cache.set(index, found)
    return found
  }

  // A page as its lines in order, `{ text, rule }`: kept lines fill the positions the removed
  // lines do not take; rule is null for a kept line.
  function page(d) {
    const c = chunk(meta.chunk[d])
    const i = c.position.get(d)
    const kept = c.kept[i]
    const removed = c.removed[i]
    const rows = []
    let k = 0
    let r = 0
    for (let position = 0; k < kept.length || r < removed.length; position++) {
      if (r < removed.length && (removed[r] === position || k >= kept.length)) {
        rows.push({ text: c.lines[removed[r + 1]], rule: meta.rules[removed[r + 2]] })
        r += 3
      } else {
        rows.push({ text: c.lines[kept[k]], rule: null })
        k++
      }
    }
    return rows
  }

  return { meta, clusterOf, parsed, chunk, page }
}
