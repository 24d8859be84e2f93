// The hashes under which a page's lines are looked up, worked out once per page and site.
import {
  finishHash,
  HASH_LANE_1,
  HASH_LANE_2,
  hashPrefixed,
  hashString,
  stepLane1,
  stepLane2,
} from '../text/hash.js'
import { barSuffix, labelPrefix, shapeKeyHash } from './line-affixes.js'
import type { MeasuredPage, PageLine } from './page-lines.js'

/** Marks a line that has no such key (no label prefix, say). Real hashes are never negative. */
export const NO_HASH = -1

/**
 * Per line (by index), every key the cleaning rules and the learnt-line tables look it up
 * under. A run counts a page's template keys, then cleans it twice: with the hashes kept, the
 * two cleanings look them up instead of hashing every line again.
 */
export interface LineHashes {
  /** The site's seed the template and section-break keys were hashed with. */
  seed: number
  /** The whole line as a template key: `hashPrefixed('l ', key, seed)`. */
  line: Float64Array
  /** Its label prefix (`'p '`), or {@link NO_HASH}. */
  label: Float64Array
  /** Its bar suffix (`'s '`), or {@link NO_HASH}. */
  suffix: Float64Array
  /** Its sentence shape (`'n '`), or {@link NO_HASH}. */
  shape: Float64Array
  /** `hashString(key)` for prose lines, the key of the shared-lines table; others {@link NO_HASH}. */
  prose: Float64Array
  /** `hashString(key, seed)`: the key of the section-break table (see `sectionBreakKey`). */
  seeded: Float64Array
  /** 1 for a line that is nothing but a URL or an e-mail address. */
  link: Uint8Array
}

const LINK_ONLY = /^(?:https?:\/\/\S+|www\.\S+|\S+@\S+\.\w+)$/i

/**
 * Hash every line of a page with a site's seed.
 *
 * @example
 * const hashes = hashLines(measurePage('Menu\nOil rose.').lines, hashString('example.com'))
 * hashes.line[0] === hashPrefixed('l ', 'menu', hashString('example.com')) // true
 */
export function hashLines(lines: readonly PageLine[], seed: number): LineHashes {
  const n = lines.length
  const hashes: LineHashes = {
    seed,
    line: new Float64Array(n),
    label: new Float64Array(n),
    suffix: new Float64Array(n),
    shape: new Float64Array(n),
    prose: new Float64Array(n),
    seeded: new Float64Array(n),
    link: new Uint8Array(n),
  }
  lines.forEach(({ key, text, prose }, i) => {
    hashKey(key, seed, prose, hashes, i)
    const label = labelPrefix(key)
    hashes.label[i] = label === undefined ? NO_HASH : hashPrefixed('p ', label, seed)
    const suffix = barSuffix(key)
    hashes.suffix[i] = suffix === undefined ? NO_HASH : hashPrefixed('s ', suffix, seed)
    hashes.shape[i] = shapeKeyHash(text, seed) ?? NO_HASH
    hashes.link[i] = LINK_ONLY.test(text) ? 1 : 0
  })
  return hashes
}

// The three hashes of a line's whole key, in one pass over it: `hashPrefixed('l ', key, seed)`,
// `hashString(key, seed)` and, for a prose line, `hashString(key)`.
function hashKey(key: string, seed: number, prose: boolean, out: LineHashes, i: number): void {
  let line1 = stepLane1(stepLane1(HASH_LANE_1 ^ seed, 108), 32) // 'l '
  let line2 = stepLane2(stepLane2(HASH_LANE_2 ^ seed, 108), 32)
  let seeded1 = HASH_LANE_1 ^ seed
  let seeded2 = HASH_LANE_2 ^ seed
  let plain1 = HASH_LANE_1
  let plain2 = HASH_LANE_2
  for (let k = 0; k < key.length; k++) {
    const c = key.charCodeAt(k)
    line1 = stepLane1(line1, c)
    line2 = stepLane2(line2, c)
    seeded1 = stepLane1(seeded1, c)
    seeded2 = stepLane2(seeded2, c)
    plain1 = stepLane1(plain1, c)
    plain2 = stepLane2(plain2, c)
  }
  out.line[i] = finishHash(line1, line2)
  out.seeded[i] = finishHash(seeded1, seeded2)
  out.prose[i] = prose ? finishHash(plain1, plain2) : NO_HASH
}

/**
 * The page's line hashes for `seed`: those it carries when they were made with that seed,
 * else hashed now and kept on the page, so that cleaning a page and counting it hash it once.
 *
 * @example
 * lineHashesOf(page, context.groupSeed).line[0]
 */
export function lineHashesOf(page: MeasuredPage, seed: number): LineHashes {
  if (page.hashes?.seed !== seed) page.hashes = hashLines(page.lines, seed)
  return page.hashes
}

/**
 * `hashString(key)` of line `i`, from the hashes when they hold it (prose lines).
 *
 * @example
 * proseKeyHash(page.lines, hashes, 3) === hashString(page.lines[3].key) // true
 */
export function proseKeyHash(lines: readonly PageLine[], hashes: LineHashes, i: number): number {
  const kept = hashes.prose[i] ?? NO_HASH
  return kept === NO_HASH ? hashString(lines[i]?.key ?? '') : kept
}
