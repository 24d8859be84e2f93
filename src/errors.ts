// Errors that stop a run. A bad record is a Reject value, not an exception; these are for the rest.

/** Codes carried by every WinnowError. */
export type ErrorCode =
  'usage' | 'input' | 'unreadable_path' | 'strict_reject' | 'store' | 'internal'

/** Base class: a code for programs, a message for people, the underlying cause if any. */
export class WinnowError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'WinnowError'
    this.code = code
  }
}

/** The command line was wrong: an unknown flag, a missing value, a bad number. Exit code 2. */
export class UsageError extends WinnowError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options)
    this.name = 'UsageError'
  }
}

/**
 * Input that stops the run: an unreadable path, or a rejected record under `--strict`.
 * The message reads `file:line: reason` (or `file: reason`). Exit code 2.
 */
export class InputError extends WinnowError {
  readonly source: string
  readonly line: number | undefined

  constructor(
    code: 'input' | 'unreadable_path' | 'strict_reject',
    source: string,
    line: number | undefined,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${source}${line === undefined ? '' : `:${line}`}: ${reason}`, options)
    this.name = 'InputError'
    this.source = source
    this.line = line
  }
}

/**
 * An index could not be opened or used: not a winnow index, written by a newer version, built
 * with other signature options, or failing on disk. The message names the index. Exit code 2.
 */
export class StoreError extends WinnowError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store', message, options)
    this.name = 'StoreError'
  }
}
