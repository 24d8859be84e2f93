// How much of a line's vocabulary the rest of the article uses: the signal that exposes teasers.

/** A bag of distinct words standing for a piece of text. */
export type Vocabulary = ReadonlySet<string>

/**
 * The share of a line's informative words (weighted) that also occur in the vocabulary, 0..1.
 * Paragraphs of one article keep naming the same people, companies and places; a teaser for
 * another article does not, which is what makes this language-independent.
 *
 * @example
 * topicOverlap(['oil', 'prices', 'rose'], new Set(['oil', 'prices']), () => 1) // 2 / 3
 */
export function topicOverlap(
  tokens: readonly string[],
  vocabulary: Vocabulary,
  weight: (token: string) => number,
): number {
  const { own, shared } = weighWords(tokens, vocabulary, weight)
  return own === 0 ? 0 : shared / own
}

// The weight of a bag's distinct words, and of those among them the vocabulary has.
function weighWords(
  tokens: readonly string[],
  vocabulary: Vocabulary,
  weight: (token: string) => number,
): { own: number; shared: number } {
  let own = 0
  let shared = 0
  for (const token of new Set(tokens)) {
    const w = weight(token)
    own += w
    if (vocabulary.has(token)) shared += w
  }
  return { own, shared }
}

/** A vocabulary that keeps the total weight of its words as they are added. */
export interface WeightedVocabulary {
  words: Set<string>
  weight: number
}

/** Add words to a weighted vocabulary, counting each new word's weight once. */
export function addWords(
  vocabulary: WeightedVocabulary,
  tokens: Iterable<string>,
  weight: (token: string) => number,
): void {
  for (const token of tokens) {
    if (vocabulary.words.has(token)) continue
    vocabulary.words.add(token)
    vocabulary.weight += weight(token)
  }
}

/**
 * The weight two bags of words share, over the weight of the smaller bag, 0..1: a long block
 * that continues a short article opening is judged by how much of the opening it picks up.
 *
 * @example
 * const vocabulary = { words: new Set<string>(), weight: 0 }
 * addWords(vocabulary, ['oil', 'gas', 'fell'], () => 1)
 * mutualOverlap(['oil', 'rose'], vocabulary, () => 1) // 1 / 2
 */
export function mutualOverlap(
  tokens: readonly string[],
  vocabulary: WeightedVocabulary,
  weight: (token: string) => number,
): number {
  const { own, shared } = weighWords(tokens, vocabulary.words, weight)
  const smaller = Math.min(own, vocabulary.weight)
  return smaller === 0 ? 0 : shared / smaller
}

/** The distinct words of several token lists. */
export function vocabularyOf(tokenLists: Iterable<readonly string[]>): Set<string> {
  const words = new Set<string>()
  for (const tokens of tokenLists) for (const token of tokens) words.add(token)
  return words
}
