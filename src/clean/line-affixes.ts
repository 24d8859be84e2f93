// Label prefixes ("Read more:") and site suffixes ("| Daily Ledger") of a line, as template keys.

// A label prefix is at most this many words before a colon ("Read more:", "Topics:").
const MAX_PREFIX_WORDS = 3
// A suffix after the last bar is at most this many words ("| Business", "| The Daily Post").
const MAX_SUFFIX_WORDS = 5

/**
 * The label before a colon near the start of a line key, or undefined. Only a short label with
 * text after it counts, so that "Read more: <headline>" lines of one site share one key.
 *
 * @example
 * labelPrefix('read more: oil prices rise') // 'read more'
 * labelPrefix('he said: "no"') // 'he said'
 */
export function labelPrefix(key: string): string | undefined {
  const colon = key.indexOf(':')
  if (colon <= 0 || colon === key.length - 1) return undefined
  const label = key.slice(0, colon).trim()
  if (label === '' || label.split(' ').length > MAX_PREFIX_WORDS) return undefined
  // Clock times ("10:30") are not labels.
  if (/\d$/.test(label) && /^\d/.test(key.slice(colon + 1))) return undefined
  return label
}

/**
 * The short part after the last `|` of a line key, or undefined: section names and site names
 * that a template appends to headlines ("Headline | Energy", "Headline | Daily Ledger").
 *
 * @example
 * barSuffix('oil prices rise | daily ledger') // 'daily ledger'
 */
export function barSuffix(key: string): string | undefined {
  const bar = key.lastIndexOf('|')
  if (bar <= 0) return undefined
  const suffix = key.slice(bar + 1).trim()
  if (suffix === '' || suffix.split(' ').length > MAX_SUFFIX_WORDS) return undefined
  return suffix
}

/** The keys under which a line is counted in the template table: itself, its label, its suffix. */
export function templateKeys(key: string): string[] {
  const keys = [`l ${key}`]
  const prefix = labelPrefix(key)
  if (prefix !== undefined) keys.push(`p ${prefix}`)
  const suffix = barSuffix(key)
  if (suffix !== undefined) keys.push(`s ${suffix}`)
  return keys
}
