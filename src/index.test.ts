import { describe, expect, it } from 'vitest'
import * as winnow from './index.js'

describe('public API', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(winnow).sort()).toEqual(
      [
        'DEFAULT_CLEAN_OPTIONS',
        'DEFAULT_DEDUP_OPTIONS',
        'DEFAULT_EXTRACT_OPTIONS',
        'DEFAULT_READ_OPTIONS',
        'InputError',
        'StoreError',
        'createOnlineIndex',
        'matchRules',
        'openIndex',
        'openSqliteStore',
        'UsageError',
        'WinnowError',
        'cleanPage',
        'comparisonTokens',
        'createCorpusStats',
        'createLshIndex',
        'createMinHasher',
        'createUnionFind',
        'dedupCorpus',
        'estimateContainment',
        'estimateJaccard',
        'exactKey',
        'extractArticle',
        'extractDocuments',
        'extractPage',
        'foldCase',
        'formatOf',
        'lineKey',
        'lshCandidateProbability',
        'normalizeLine',
        'openOutput',
        'readDedupOutput',
        'readInputs',
        'runDedupPasses',
        'readRejectsFile',
        'readStatsFile',
        'renderReport',
        'shingleHashes',
        'summarizeRun',
        'tokenize',
        'writeJsonl',
      ].sort(),
    )
  })
})
