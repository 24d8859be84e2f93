// A deterministic synthetic crawl for the speed benchmark: news pages on 20–40 invented sites, each
// with its own furniture, about 30% of them copies of an earlier article, written as JSONL
// {id, url, site, text} as it is generated, so a million pages never sit in memory. With --truth,
// it also writes each page's labels in the format of the dev corpus's truth file ({id, cluster,
// clean, variant, site}: the article it captures, and that capture's headline and paragraphs), so
// `score.mjs` can score a run on it.
// With --alphabet accented or cyrillic, every word of the pages (and of the labels) is respelled,
// the same word always alike: with Latin letters that carry accents (ä, ç, ł, ś…) in some places,
// or in Cyrillic letters throughout, so the same crawl measures pages beyond ASCII.
// Usage: node bench/generate-corpus.mjs --docs N --out FILE.jsonl [--truth TRUTH.jsonl]
//   [--alphabet ascii|accented|cyrillic] [--seed S]
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'

// mulberry32: small, fast and good enough for text; every stream of randomness is seeded from
// the corpus seed, so the same arguments always give the same bytes.
function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// A seed for one stream (an article's body, a site's template…) mixed from a few integers, so any
// article can be regenerated on its own when a later page copies it.
function seedOf(...parts) {
  let h = 0x811c9dc5
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193)
    h ^= h >>> 15
    h = Math.imul(h, 0x2c1b3c6d)
    h ^= h >>> 12
  }
  return h >>> 0
}

const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1))
const pick = (rng, list) => list[Math.floor(rng() * list.length)]
const capitalise = (word) => word[0].toUpperCase() + word.slice(1)
const titleCase = (words) => words.map(capitalise).join(' ')

// Common words take the top Zipf ranks; a few thousand invented words make up the long tail.
const COMMON = `the of and to in a said that for on is was with by it as at from its will has be are
have an which were this but not would had their after they been more also year percent new two
market government company last than up about over first other one into three billion million
week could officials people while some state shares prices since under new plan because report
month public during against between early most before bank city told expected per rise economy
group country local fell higher record policy years there program second lower deal talks
including analysts according support council data late workers growth demand rates officials`
  .split(/\s+/)
  .filter(Boolean)
const ONSETS =
  'b c d f g h j k l m n p r s t v w z br cr dr fl gr kl pl pr sk st tr th sh ch'.split(' ')
const VOWELS = 'a e i o u a e i o a e i o ai ea ou'.split(' ')
const CODAS = ' , , , , ,n,r,s,l,t,m,nd,rk,st,ng'.split(',')

// Mostly two-syllable words, some of one or three: about the length of English news words.
function inventWords(rng, count) {
  const words = new Set()
  while (words.size < count) {
    let word = ''
    for (let s = rng() < 0.55 ? 2 : rng() < 0.6 ? 1 : 3; s > 0; s--)
      word += pick(rng, ONSETS) + pick(rng, VOWELS) + pick(rng, CODAS).trim()
    if (word.length >= 3) words.add(word)
  }
  return [...words]
}

function createVocabulary(seed) {
  const rng = mulberry32(seedOf(seed, 1))
  const words = [...new Set(COMMON), ...inventWords(rng, 4000)]
  // Zipf–Mandelbrot weights 1/(rank + 2.7), sampled through a quantised inverse CDF: one table
  // lookup per word keeps a million pages within a few minutes.
  const table = new Uint16Array(1 << 20)
  let total = 0
  for (let r = 0; r < words.length; r++) total += 1 / (r + 2.7)
  let cumulative = 0
  let slot = 0
  for (let r = 0; r < words.length; r++) {
    cumulative += 1 / (r + 2.7) / total
    const end = Math.min(table.length, Math.round(cumulative * table.length))
    for (; slot < end; slot++) table[slot] = r
  }
  for (; slot < table.length; slot++) table[slot] = words.length - 1
  const names = inventWords(rng, 3000).map(capitalise)
  return { words, table, names, cities: names.slice(0, 120).map((n) => n.toUpperCase()) }
}

const SECTIONS = 'world business markets economy politics tech science health sport culture'.split(
  ' ',
)
const MONTHS =
  'January February March April May June July August September October November December'.split(' ')

// An article: its origin site, section and day, a headline, and paragraphs whose first sentence
// (the lede) opens with a dateline. The meta part is cheap, so teasers can draw on any article.
function articleMeta(corpus, a) {
  const { vocab, seed, sites, articlesPerDay } = corpus
  const rng = mulberry32(seedOf(seed, 2, a))
  const entities = []
  for (let i = int(rng, 2, 4); i > 0; i--) {
    const first = pick(rng, vocab.names)
    entities.push(rng() < 0.5 ? `${first} ${pick(rng, vocab.names)}` : `${first} Corp`)
  }
  const topic = []
  for (let i = int(rng, 8, 16); i > 0; i--) topic.push(int(rng, 150, vocab.words.length - 1))
  const meta = { a, entities, topic, rng }
  meta.site = int(rng, 0, sites.length - 1)
  meta.section = pick(rng, SECTIONS)
  meta.day = Math.floor(a / articlesPerDay)
  meta.headline = sentence(corpus, meta, int(rng, 5, 11), false).slice(0, -1)
  meta.lede = `${pick(rng, vocab.cities)}, ${dayName(meta.day, 'dateline')} – ${sentence(corpus, meta, int(rng, 14, 30), true)}`
  return meta
}

function articleBody(corpus, meta) {
  const rng = mulberry32(seedOf(corpus.seed, 3, meta.a))
  const body = { ...meta, rng }
  const paragraphs = []
  for (let p = int(rng, 4, 12); p > 0; p--) {
    const sentences = paragraphs.length === 0 ? [meta.lede] : []
    for (let s = int(rng, 1, 3); s > 0; s--)
      sentences.push(sentence(corpus, body, int(rng, 10, 30), true))
    paragraphs.push(sentences)
  }
  return paragraphs
}

function sentence(corpus, article, length, prose) {
  const { words, table } = corpus.vocab
  const rng = article.rng
  const out = []
  for (let i = 0; i < length; i++) {
    const r = rng()
    if (r < 0.12) out.push(words[article.topic[Math.floor(rng() * article.topic.length)]])
    else if (r < 0.16) out.push(pick(rng, article.entities))
    else if (r < 0.18 && prose) out.push(String(int(rng, 2, 990) / (rng() < 0.5 ? 10 : 1)))
    else out.push(words[table[Math.floor(rng() * table.length)]])
    if (prose && i > 3 && i < length - 3 && rng() < 0.06) out[i] += ','
  }
  out[0] = capitalise(out[0])
  if (prose && rng() < 0.12) return `“${out.join(' ')},” said ${pick(rng, article.entities)}.`
  return `${out.join(' ')}.`
}

// Days since 1 January 2022, in the formats sites use.
function dayName(day, format) {
  const date = new Date(Date.UTC(2022, 0, 1 + day))
  const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()]
  const pad = (n) => String(n).padStart(2, '0')
  if (format === 'dateline') return `${MONTHS[m]} ${d}`
  if (format === 'iso') return `${y}-${pad(m + 1)}-${pad(d)}`
  if (format === 'uk') return `${pad(d)}/${pad(m + 1)}/${y}`
  return `${MONTHS[m]} ${d}, ${y}`
}

const NAME_A =
  'Daily Morning Evening Northern Harbor Capital Valley Metro Coastal Union Granite Prairie Meridian Summit Lakeside Ironbridge Pacific Central Western Highland Riverside Atlantic Frontier Civic'.split(
    ' ',
  )
const NAME_B =
  'Ledger Courier Herald Post Wire Gazette Tribune Observer Chronicle Dispatch Sentinel Times Review Journal Record Bulletin'.split(
    ' ',
  )
const FOOTER = [
  'About us',
  'Contact',
  'Careers',
  'Advertise with us',
  'Privacy policy',
  'Terms of use',
  'Cookie settings',
  'Accessibility',
  'Corrections',
  'Ethics policy',
  'Site map',
  'Help centre',
  'Newsletters',
  'Archive',
  'RSS feeds',
  'Do not sell my personal information',
  'Follow us on social media',
]

// A site's template: every choice a real site makes once and repeats on each of its pages.
function createSite(seed, s, used, names) {
  const rng = mulberry32(seedOf(seed, 4, s))
  let name
  do name = `${pick(rng, NAME_A)} ${pick(rng, NAME_B)}`
  while (used.has(name))
  used.add(name)
  const domain =
    name.toLowerCase().replace(' ', '') + pick(rng, ['.com', '.net', '.co.uk', '.news'])
  const sections = SECTIONS.filter(() => rng() < 0.7)
  const footer = FOOTER.filter(() => rng() < 0.6).slice(0, int(rng, 4, 13))
  footer.push(
    `© ${name} Media ${pick(rng, ['Ltd', 'Inc', 'Group', 'LLC'])} 2024. All rights reserved.`,
  )
  if (rng() < 0.5) footer.push(`${name} Media, ${int(rng, 1, 400)} ${pick(rng, NAME_A)} Street.`)
  const share = ['Facebook', 'Twitter', 'LinkedIn', 'WhatsApp', 'Email', 'Copy link'].filter(
    () => rng() < 0.7,
  )
  return {
    name,
    domain,
    menu: [
      ...(rng() < 0.5 ? ['Menu', 'Search'] : []),
      sections.map(capitalise).join(rng() < 0.5 ? ' | ' : ' '),
      ...(rng() < 0.5 ? ['Subscribe  Sign in'] : []),
    ],
    footer,
    ticker: rng() < 0.4,
    titleLine: rng() < 0.5,
    headline: pick(rng, ['upper', 'title', 'plain']),
    byline: pick(rng, ['by-date', 'updated', 'published']),
    dateFormat: pick(rng, ['long', 'iso', 'uk']),
    readTime: rng() < 0.5,
    share: share.length === 0 ? ['Share'] : share,
    shareOneLine: rng() < 0.5,
    newsletter: pick(rng, [
      `Get the ${name} Briefing in your inbox every weekday morning.`,
      `Sign up for ${name}'s free daily newsletter.`,
      `Never miss a story: subscribe to the ${name} newsletter.`,
    ]),
    moreFrom: rng() < 0.75 ? `More from ${name}` : pick(rng, ['Most read', 'Related stories']),
    teaserLedes: rng() < 0.7,
    newsletterFirst: rng() < 0.5,
    separator: rng() < 0.5 ? '\n\n' : '\n',
    authors: [0, 1, 2, 3, 4, 5].map(() => `${pick(rng, names)} ${pick(rng, names)}`),
  }
}

// The headline as a site sets it.
function headlineOn(site, meta) {
  if (site.headline === 'upper') return meta.headline.toUpperCase()
  if (site.headline === 'title') return titleCase(meta.headline.split(' '))
  return meta.headline
}

// One capture of an article on a site. `rng` decides this capture's furniture: its date, ticker,
// caption and teasers, so recaptures differ where real recaptures differ.
function renderPage(corpus, site, meta, paragraphs, capture) {
  const { rng } = capture
  const out = []
  const headline = headlineOn(site, meta)
  if (site.titleLine) out.push(`${headline} | ${site.name}`)
  out.push(...site.menu)
  if (site.ticker)
    out.push(
      `Index ${int(rng, 7000, 9000)}.${int(rng, 10, 99)} ${rng() < 0.5 ? '−' : '+'}${int(rng, 0, 3)}.${int(rng, 10, 99)}% · Oil $${int(rng, 60, 110)}.${int(rng, 10, 99)}`,
    )
  out.push(headline)
  const date = dayName(meta.day + capture.delay, site.dateFormat)
  const author = pick(rng, site.authors)
  if (site.byline === 'by-date') out.push(`By ${author} | ${date}`)
  else if (site.byline === 'updated') out.push(`Last updated: ${date}`)
  else out.push(`Published ${date}`, `By ${author}`)
  if (site.readTime) out.push(`${Math.max(1, Math.round(paragraphs.length / 3))} min read`)
  if (site.shareOneLine) out.push(site.share.join(' '))
  if (rng() < 0.4)
    out.push(`A file photo shows ${pick(rng, meta.entities)}.`, `Photo: ${site.name}`)
  if (capture.from !== undefined) out.push(`This article first appeared on ${capture.from}.`)
  out.push(paragraphs.map((sentences) => sentences.join(' ')).join(site.separator))
  if (capture.paywall)
    out.push(
      `This article is for ${site.name} subscribers.`,
      'Subscribe to continue reading',
      'Already subscribed? Log in',
    )
  if (!site.shareOneLine) out.push('Share this article', ...site.share)
  const teasers = [site.moreFrom]
  for (let t = int(rng, 3, 5); t > 0; t--) {
    const other = articleMeta(corpus, int(rng, 0, corpus.articles - 1))
    teasers.push(other.headline)
    if (site.teaserLedes) teasers.push(other.lede)
  }
  const newsletter = [site.newsletter, 'Sign up']
  out.push(...(site.newsletterFirst ? [...newsletter, ...teasers] : [...teasers, ...newsletter]))
  out.push(...site.footer)
  return out.join('\n')
}

// The copy kinds and their shares among the ~30% of pages that copy an earlier article.
const COPY_KINDS = [
  ['exact', 0.1],
  ['recrawl', 0.3],
  ['syndicated', 0.3],
  ['paywall', 0.15],
  ['edited', 0.15],
]

function* documents(docs, seed) {
  const vocab = createVocabulary(seed)
  const rng = mulberry32(seedOf(seed, 5))
  const used = new Set()
  const sites = Array.from({ length: int(rng, 20, 40) }, (_, s) =>
    createSite(seed, s, used, vocab.names),
  )
  // Teasers may name any article of the corpus, published or still to come; the corpus spans
  // about two years.
  const articles = Math.max(1, Math.round(docs * 0.7))
  const corpus = { vocab, seed, sites, articles, articlesPerDay: Math.max(1, articles / 730) }
  let published = 0
  for (let i = 0; i < docs; i++) {
    const id = `doc-${String(i + 1).padStart(7, '0')}`
    const capture = { rng: mulberry32(seedOf(seed, 6, i)), delay: 0 }
    let kind = 'original'
    let a = published
    if (published > 0 && capture.rng() < 0.3) {
      let r = capture.rng()
      kind = COPY_KINDS.find(([, share]) => (r -= share) < 0)?.[0] ?? 'edited'
      // Most copies follow their original within days; some come much later.
      a =
        capture.rng() < 0.6
          ? published - 1 - int(capture.rng, 0, Math.min(published, 1000) - 1)
          : int(capture.rng, 0, published - 1)
    } else published++
    const meta = articleMeta(corpus, a)
    let paragraphs = articleBody(corpus, meta)
    let s = meta.site
    let slug = `${meta.headline.toLowerCase().split(' ').slice(0, 8).join('-')}-${a}`
    // An original and its byte-identical recaptures share one furniture seed; other copies get
    // their own furniture, some days later, syndicated copies (and half the others) on another site.
    if (kind === 'original' || kind === 'exact') capture.rng = mulberry32(seedOf(seed, 7, a))
    else {
      capture.delay = int(capture.rng, 1, 30)
      if (kind === 'syndicated' || (kind !== 'recrawl' && capture.rng() < 0.5)) {
        s = (s + int(capture.rng, 1, sites.length - 1)) % sites.length
        capture.from = sites[meta.site].name
        slug = `${slug}-syn`
      }
    }
    if (kind === 'paywall') {
      capture.paywall = true
      const keep = Math.max(1, Math.round(paragraphs.length * (0.3 + 0.3 * capture.rng())))
      paragraphs = paragraphs.slice(0, keep)
    }
    if (kind === 'edited') paragraphs = edit(paragraphs, capture.rng, vocab)
    const site = sites[s]
    const text = renderPage(corpus, site, meta, paragraphs, capture)
    const url = `https://www.${site.domain}/${meta.section}/${slug}`
    const clean = [headlineOn(site, meta), ...paragraphs.map((sentences) => sentences.join(' '))]
    yield {
      doc: { id, url, site: site.domain, text },
      truth: { id, cluster: `a${a}`, clean: clean.join('\n'), variant: kind, site: site.domain },
    }
  }
}

// A light edit: a word changed, a sentence dropped, or both.
function edit(paragraphs, rng, vocab) {
  const copy = paragraphs.map((sentences) => [...sentences])
  const what = rng()
  if (what < 0.7) {
    const p = copy[int(rng, 0, copy.length - 1)]
    const s = int(rng, 0, p.length - 1)
    const words = p[s].split(' ')
    words[int(rng, 1, words.length - 1)] = pick(rng, vocab.words)
    p[s] = words.join(' ')
  }
  if (what > 0.4) {
    const p = copy[int(rng, 1, copy.length - 1)]
    if (p !== undefined && p.length > 1) p.splice(int(rng, 0, p.length - 1), 1)
  }
  return copy
}

// Respellings of a word for --alphabet: decided by the word's own letters, so a template line or
// an article's paragraph reads the same on every page that carries it.
const ACCENTED = { a: 'ä', c: 'ç', e: 'é', i: 'î', l: 'ł', n: 'ñ', o: 'ö', s: 'ś', u: 'ü', z: 'ż' }
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщ'
const ALPHABETS = {
  ascii: (word) => word,
  accented: (word) => {
    let h = 0
    for (let k = 0; k < word.length; k++) h = (Math.imul(h, 31) + (word.charCodeAt(k) | 32)) >>> 0
    let out = ''
    for (let k = 0; k < word.length; k++) {
      const ch = word[k]
      const accented = ACCENTED[ch.toLowerCase()]
      const keep = accented === undefined || ((h >>> (k % 32)) & 1) === 0
      out += keep ? ch : ch === ch.toLowerCase() ? accented : accented.toUpperCase()
    }
    return out
  },
  cyrillic: (word) =>
    word.replace(/[A-Za-z]/g, (ch) => {
      const letter = CYRILLIC[(ch.charCodeAt(0) | 32) - 97]
      return ch >= 'a' ? letter : letter.toUpperCase()
    }),
}
const respell = (text, alphabet) =>
  alphabet === 'ascii' ? text : text.replace(/[A-Za-z]+/g, ALPHABETS[alphabet])

// JSON lines gathered into chunks of about a megabyte; pipeline() pulls them only as fast as the
// file takes them. Labels go to `truthOut` alongside, when it is given.
async function* chunks(docs, seed, counts, truthOut, alphabet) {
  let lines = []
  let truths = []
  let size = 0
  const flush = async () => {
    const chunk = lines.join('')
    counts.bytes += Buffer.byteLength(chunk)
    if (truthOut !== undefined && !truthOut.write(truths.join(''))) await once(truthOut, 'drain')
    lines = []
    truths = []
    size = 0
    return chunk
  }
  for (const { doc, truth } of documents(docs, seed)) {
    doc.text = respell(doc.text, alphabet)
    truth.clean = respell(truth.clean, alphabet)
    const line = `${JSON.stringify(doc)}\n`
    lines.push(line)
    if (truthOut !== undefined) truths.push(`${JSON.stringify(truth)}\n`)
    size += line.length
    counts.docs++
    if (size >= 1 << 20) yield await flush()
  }
  yield await flush()
}

const { values } = parseArgs({
  options: {
    docs: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    truth: { type: 'string' },
    alphabet: { type: 'string', default: 'ascii' },
  },
})
const docs = Number(values.docs)
if (
  !Number.isInteger(docs) ||
  docs < 1 ||
  values.out === undefined ||
  !Object.hasOwn(ALPHABETS, values.alphabet)
) {
  console.error(
    'usage: node bench/generate-corpus.mjs --docs N --out FILE.jsonl [--truth TRUTH.jsonl] [--alphabet ascii|accented|cyrillic] [--seed S]',
  )
  process.exitCode = 2
} else {
  const started = performance.now()
  const counts = { docs: 0, bytes: 0 }
  const truthOut = values.truth === undefined ? undefined : createWriteStream(values.truth)
  await pipeline(
    chunks(docs, Number(values.seed) >>> 0, counts, truthOut, values.alphabet),
    createWriteStream(values.out),
  )
  if (truthOut !== undefined) await new Promise((done) => truthOut.end(done))
  const seconds = (performance.now() - started) / 1000
  console.error(
    `generate-corpus: ${counts.docs} docs, ${counts.bytes} bytes (${(counts.bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s → ${values.out}`,
  )
}
