import type { ValidationIssue, ValidationLimits } from '../types.ts'
import { inspectJson } from './inspect-json.ts'
import { invalidUtf8Offset } from './invalid-utf8-offset.ts'
import { locateJsonError } from './locate-json-error.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** FastAPI's issue for a body that is not JSON: `loc` ends with where, `ctx.error` says why. */
function jsonInvalid(loc: (string | number)[], error: string): ValidationIssue {
  return { type: 'json_invalid', loc, msg: 'JSON decode error', input: {}, ctx: { error } }
}

/** Decodes strict UTF-8, parses JSON, then sanitises and caps it; an issue on any failure. */
export function parseJsonBody(
  bytes: Uint8Array,
  limits: ValidationLimits,
): { value: unknown } | { issue: ValidationIssue } {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { issue: jsonInvalid(['body', invalidUtf8Offset(bytes)], 'Invalid UTF-8') }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // The engine's message differs per runtime; the position and reason are worked out here.
    const found = locateJsonError(text)
    return {
      issue: found
        ? jsonInvalid(['body', found.position], found.message)
        : jsonInvalid(['body'], 'The JSON text could not be parsed'),
    }
  }
  const issue = inspectJson(value, limits)
  return issue === undefined ? { value } : { issue }
}
