// A deterministic synthetic `winnow dedup --explain --removed` output for the report benchmark:
// documents on 40 invented sites, about 30% of them copies (exact, edited or cut short) of an
// earlier article, each with its site's furniture as removed lines and sometimes a teaser block.
// Sizes follow the dev corpus: about 1.6 KB of cleaned text and 0.8 KB of furniture a page.
// Usage: node bench/generate-records.mjs --docs N --out FILE.jsonl [--seed S]
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '100000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '7' },
  },
})
if (values.out === undefined) {
  console.error('generate-records: --out FILE is required')
  process.exit(2)
}

// mulberry32: small, fast and seeded, so the same arguments always give the same file.
function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rng = mulberry32(Number(values.seed))
const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1))
const pick = (list) => list[Math.floor(rng() * list.length)]

const SYLLABLES = 'ka lo mi ra ten vis por an el stu gre da fin ol mar bel cor nu sa tri'.split(' ')
const WORDS = Array.from({ length: 3000 }, () => {
  let word = ''
  for (let s = int(1, 3); s > 0; s--) word += pick(SYLLABLES)
  return word
})
const COMMON = 'the of and to in a said that for on is was with by it as at from'.split(' ')
const word = () => (rng() < 0.45 ? pick(COMMON) : WORDS[Math.floor(rng() ** 2 * WORDS.length)])
function sentence(length) {
  const words = Array.from({ length }, word)
  words[0] = words[0][0].toUpperCase() + words[0].slice(1)
  return `${words.join(' ')}.`
}
const paragraph = () => Array.from({ length: int(2, 3) }, () => sentence(int(12, 26))).join(' ')

const SITES = Array.from({ length: 40 }, (_, s) => {
  const host = `${pick(SYLLABLES)}${pick(SYLLABLES)}-news-${s}.example`
  const furniture = Array.from({ length: int(12, 24) }, () => sentence(int(3, 12)))
  return { host, before: furniture.slice(0, 5), after: furniture.slice(5) }
})
const RULES = ['template', 'repeated', 'link', 'before_article', 'after_article', 'shared_prose']

// Articles keep their text, so later copies can reuse it.
const articles = []
function newArticle() {
  const paragraphs = Array.from({ length: int(4, 10) }, paragraph)
  return { headline: sentence(int(5, 10)).slice(0, -1), paragraphs, copies: 0 }
}

function edit(text) {
  const words = text.split(' ')
  for (let k = int(1, 3); k > 0; k--) words[int(0, words.length - 1)] = word()
  return words.join(' ')
}

const out = createWriteStream(values.out)
const total = Number(values.docs)
for (let i = 0; i < total; i++) {
  const site = pick(SITES)
  let record
  // Copies favour a few popular articles, so some clusters grow large.
  if (articles.length > 10 && rng() < 0.3) {
    const source =
      rng() < 0.2 ? articles[int(0, Math.min(50, articles.length - 1))] : pick(articles)
    source.copies++
    const kind = rng()
    const reason = kind < 0.4 ? 'exact' : kind < 0.8 ? 'near' : 'contained'
    let paragraphs = source.paragraphs
    if (reason === 'near') paragraphs = paragraphs.map((p) => (rng() < 0.4 ? edit(p) : p))
    if (reason === 'contained') paragraphs = paragraphs.slice(0, Math.ceil(paragraphs.length / 2))
    const similarity =
      reason === 'exact' ? 1 : reason === 'near' ? 0.6 + rng() * 0.38 : 0.35 + rng() * 0.2
    record = {
      id: `doc-${i}`,
      url: `https://${site.host}/article/${i}`,
      cluster: source.id,
      canonical: false,
      duplicate_of: source.id,
      similarity: Math.round(similarity * 1000) / 1000,
      reason,
      text: [source.headline, ...paragraphs].join('\n'),
      explain: {
        matched_with: source.id,
        jaccard: similarity,
        containment: reason === 'contained' ? 0.9 + rng() * 0.1 : similarity,
        threshold: 0.5,
        containment_threshold: 0.85,
      },
    }
  } else {
    const article = Object.assign(newArticle(), { id: `doc-${i}` })
    articles.push(article)
    record = {
      id: article.id,
      url: `https://${site.host}/article/${i}`,
      cluster: article.id,
      canonical: true,
      duplicate_of: null,
      similarity: 1,
      reason: null,
      text: [article.headline, ...article.paragraphs].join('\n'),
      explain: {
        matched_with: null,
        jaccard: 1,
        containment: 1,
        threshold: 0.5,
        containment_threshold: 0.85,
      },
    }
  }
  // Furniture before and after the article, and on some pages two teasers of other articles.
  const kept = record.text.split('\n').length
  const before = site.before.map((text) => ({ text, rule: pick(RULES.slice(0, 4)) }))
  const after = site.after.map((text) => ({ text, rule: 'after_article' }))
  if (articles.length > 2 && rng() < 0.3) {
    for (const teaser of [pick(articles), pick(articles)]) {
      after.push({ text: teaser.headline, rule: 'shared_prose' })
      after.push({ text: teaser.paragraphs[0], rule: 'shared_prose' })
    }
  }
  record.removed = [
    ...before.map((line, k) => ({ line: k, ...line })),
    ...after.map((line, k) => ({ line: before.length + kept + k, ...line })),
  ]
  if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain')
}
out.end()
await once(out, 'finish')
