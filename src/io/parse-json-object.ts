// Parse one line as a JSON object, or say in a reject's words why it is not one.

/** A line's object, or the reject code and reason for a line that is not a JSON object. */
export type ParsedObject =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; code: 'malformed_json' | 'not_an_object'; reason: string }

/**
 * Parse `text` as JSON and check it is an object (not null, an array or a scalar).
 *
 * @example
 * parseJsonObject('[1]') // { ok: false, code: 'not_an_object', reason: 'expected a JSON object, got an array' }
 */
export function parseJsonObject(text: string): ParsedObject {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      code: 'malformed_json',
      reason: `malformed JSON: ${(error as Error).message}`,
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    return { ok: false, code: 'not_an_object', reason: `expected a JSON object, got ${kind}` }
  }
  return { ok: true, value: value as Record<string, unknown> }
}
