// parseArgs over a flag table, with Node's parse errors turned into short UsageErrors.
import { parseArgs } from 'node:util'
import { UsageError } from '../errors.js'
import { parseArgsOptions, type FlagSpec } from './flags.js'

/** Typed access to parsed flag values. */
export interface FlagValues {
  boolean(name: string): boolean
  string(name: string): string | undefined
  /** A string flag that has a default in the table, so it always has a value. */
  required(name: string): string
}

/**
 * Parse `args` strictly against `flags`: unknown flags, missing values and (unless allowed)
 * positionals are UsageErrors. `--no-<flag>` negates any boolean flag.
 *
 * @example
 * parseFlags(['-v'], MAIN_FLAGS, false).values.boolean('version') // true
 */
export function parseFlags(
  args: readonly string[],
  flags: readonly FlagSpec[],
  allowPositionals: boolean,
): { values: FlagValues; positionals: string[] } {
  let parsed
  try {
    parsed = parseArgs({
      args: [...args],
      options: parseArgsOptions(flags),
      allowPositionals,
      allowNegative: true,
      strict: true,
    })
  } catch (error) {
    throw new UsageError(shortMessage(error), { cause: error })
  }
  const raw: Record<string, unknown> = parsed.values
  const values: FlagValues = {
    boolean: (name) => raw[name] === true,
    string: (name) => (typeof raw[name] === 'string' ? raw[name] : undefined),
    required(name) {
      const value = values.string(name)
      // Only a flag table without a default can get here: a bug, not a usage error.
      if (value === undefined) throw new Error(`flag --${name} has no default`)
      return value
    },
  }
  return { values, positionals: parsed.positionals }
}

// Node appends advice on `--` to an unknown option, which the usage line that follows makes
// unnecessary; its other messages (an ambiguous `--threshold -0.1`) carry advice worth keeping.
function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = error instanceof Error && 'code' in error ? error.code : undefined
  const text =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? (message.split(/\.\s/)[0] ?? message)
      : message.replace(/\s*\n\s*/g, ' ')
  return text.charAt(0).toLowerCase() + text.slice(1)
}
