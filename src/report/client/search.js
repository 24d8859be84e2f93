// Search for the cluster browser: ids and URLs at once, the cleaned text chunk by chunk in short
// slices, so typing never waits for a search of 100,000 pages.

/* exported createSearch */

// Work on the text search for at most this long before letting the page handle input.
const SLICE_MS = 12

function createSearch(report) {
  const { meta } = report
  let ids = null
  let urls = null

  // Documents whose id or URL contains the query (case-insensitive).
  function byName(query) {
    ids = ids || meta.ids.map((id) => id.toLowerCase())
    urls = urls || meta.urls.map((url) => url.toLowerCase())
    const found = []
    for (let d = 0; d < ids.length; d++) {
      if (ids[d].includes(query) || urls[d].includes(query)) found.push(d)
    }
    return found
  }

  // Documents whose cleaned text has a line containing the query; `onFound(docs, done, total)`
  // is called after each slice. Returns a function that stops the search.
  function byText(query, onFound) {
    let next = 0
    let stopped = false
    const step = () => {
      if (stopped) return
      const start = performance.now()
      const found = []
      while (next < meta.chunks && performance.now() - start < SLICE_MS) {
        const c = report.chunk(next++)
        const hit = new Uint8Array(c.lines.length)
        c.lines.forEach((line, i) => {
          if (line.toLowerCase().includes(query)) hit[i] = 1
        })
        c.kept.forEach((lines, i) => {
          if (lines.some((line) => hit[line] === 1)) found.push(c.docs[i])
        })
      }
      onFound(found, next, meta.chunks)
      if (next < meta.chunks) setTimeout(step, 0)
    }
    report.parsed.then(step)
    return () => {
      stopped = true
    }
  }

  return { byName, byText }
}
