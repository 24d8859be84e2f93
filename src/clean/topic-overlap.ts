// How much of a line's vocabulary the rest of the article uses: the signal that exposes teasers.
//
// Words are the numbers a page's words have in its PageWords, and a weight is given per word
// number (see CleaningContext.wordWeights), so vocabularies are flags in a byte array.

/** A bag of distinct words of one page: 1 at each word number it holds. */
export type Vocabulary = Uint8Array

/**
 * The share of some lines' informative words (weighted, each distinct word once) that also occur
 * in the vocabulary, 0..1. Paragraphs of one article keep naming the same people, companies and
 * places; a teaser for another article does not, which is what makes this language-independent.
 *
 * @example
 * // words 0 'oil', 1 'prices', 2 'rose', each of weight 1
 * topicOverlap([[0, 1, 2]], Uint8Array.of(1, 1, 0), Float64Array.of(1, 1, 1)) // 2 / 3
 */
export function topicOverlap(
  tokenLists: readonly (readonly number[])[],
  vocabulary: Vocabulary,
  weights: Float64Array,
): number {
  const { own, shared } = weighWords(tokenLists, vocabulary, weights)
  return own === 0 ? 0 : shared / own
}

// The weight of the lines' distinct words, and of those among them the vocabulary has.
function weighWords(
  tokenLists: readonly (readonly number[])[],
  vocabulary: Vocabulary,
  weights: Float64Array,
): { own: number; shared: number } {
  const seen = new Uint8Array(weights.length)
  let own = 0
  let shared = 0
  for (const tokens of tokenLists) {
    for (const token of tokens) {
      if (seen[token] === 1) continue
      seen[token] = 1
      const w = weights[token] ?? 0
      own += w
      if (vocabulary[token] === 1) shared += w
    }
  }
  return { own, shared }
}

/** A vocabulary that keeps the total weight of its words as they are added. */
export interface WeightedVocabulary {
  words: Vocabulary
  weight: number
}

/**
 * An empty vocabulary for a page of `size` distinct words.
 *
 * @example
 * createVocabulary(page.words.hashes.length)
 */
export function createVocabulary(size: number): WeightedVocabulary {
  return { words: new Uint8Array(size), weight: 0 }
}

/** Add words to a weighted vocabulary, counting each new word's weight once. */
export function addWords(
  vocabulary: WeightedVocabulary,
  tokens: readonly number[],
  weights: Float64Array,
): void {
  for (const token of tokens) {
    if (vocabulary.words[token] === 1) continue
    vocabulary.words[token] = 1
    vocabulary.weight += weights[token] ?? 0
  }
}

/**
 * The weight some lines share with a vocabulary, over the weight of the smaller of the two,
 * 0..1: a long block that continues a short article opening is judged by how much of the opening
 * it picks up.
 *
 * @example
 * const vocabulary = createVocabulary(4) // words 0 'oil', 1 'gas', 2 'fell', 3 'rose'
 * addWords(vocabulary, [0, 1, 2], Float64Array.of(1, 1, 1, 1))
 * mutualOverlap([[0, 3]], vocabulary, Float64Array.of(1, 1, 1, 1)) // 1 / 2
 */
export function mutualOverlap(
  tokenLists: readonly (readonly number[])[],
  vocabulary: WeightedVocabulary,
  weights: Float64Array,
): number {
  const { own, shared } = weighWords(tokenLists, vocabulary.words, weights)
  const smaller = Math.min(own, vocabulary.weight)
  return smaller === 0 ? 0 : shared / smaller
}

/** The distinct words of several token lists, for a page of `size` distinct words. */
export function vocabularyOf(tokenLists: Iterable<readonly number[]>, size: number): Vocabulary {
  const words = new Uint8Array(size)
  for (const tokens of tokenLists) for (const token of tokens) words[token] = 1
  return words
}
