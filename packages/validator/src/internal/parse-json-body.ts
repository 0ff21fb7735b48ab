import type { ValidationIssue, ValidationLimits } from '../types.ts'
import { inspectJson } from './inspect-json.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

function jsonInvalid(error: string): ValidationIssue {
  return {
    type: 'json_invalid',
    loc: ['body'],
    msg: 'JSON decode error',
    input: {},
    ctx: { error: error.length > 200 ? `${error.slice(0, 200)}...` : error },
  }
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
    return { issue: jsonInvalid('Invalid UTF-8') }
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { issue: jsonInvalid(error instanceof Error ? error.message : 'Invalid JSON') }
  }
  const issue = inspectJson(value, limits)
  return issue === undefined ? { value } : { issue }
}
