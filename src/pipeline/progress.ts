// Progress of a run, as the pipeline reports it to whoever draws it.

/** Where a run is: the stage, documents done, and the stage's total when known. */
export interface Progress {
  stage: 'reading' | 'first pass' | 'second pass' | 'signing' | 'writing'
  done: number
  total?: number
  /** Characters of text read so far, while reading. */
  chars?: number
}

/** Stages report every this many documents: often enough to draw, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 1000
