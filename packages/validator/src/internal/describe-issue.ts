import type * as v from 'valibot'
import { jsonSafe, listOptions, plural, quote } from './format-value.ts'
import { isIntegerSchema, type SchemaNode, unwrapSchema } from './schema-node.ts'

/** An issue's pydantic-style name and sentence; `input` only when it differs from the issue's. */
export interface IssueDescription {
  type: string
  msg: string
  ctx?: Record<string, unknown>
  missing?: true
  input?: unknown
}

const MODEL_ATTRIBUTES = 'Input should be a valid dictionary or object to extract fields from'

/** Issues that map one to one, with pydantic's type and wording. */
const SIMPLE: Readonly<Record<string, readonly [string, string]>> = {
  string: ['string_type', 'Input should be a valid string'],
  boolean: ['bool_type', 'Input should be a valid boolean'],
  bigint: ['int_type', 'Input should be a valid integer'],
  array: ['list_type', 'Input should be a valid list'],
  tuple: ['tuple_type', 'Input should be a valid tuple'],
  loose_tuple: ['tuple_type', 'Input should be a valid tuple'],
  strict_tuple: ['tuple_type', 'Input should be a valid tuple'],
  // A model's wording (FastAPI validates with from_attributes); a record is a plain dict.
  object: ['model_attributes_type', MODEL_ATTRIBUTES],
  loose_object: ['model_attributes_type', MODEL_ATTRIBUTES],
  strict_object: ['model_attributes_type', MODEL_ATTRIBUTES],
  object_with_rest: ['model_attributes_type', MODEL_ATTRIBUTES],
  record: ['dict_type', 'Input should be a valid dictionary'],
  date: ['date_type', 'Input should be a valid date'],
  file: ['file_type', 'Input should be a valid file'],
  blob: ['file_type', 'Input should be a valid file'],
  null: ['none_required', 'Input should be None'],
  finite: ['finite_number', 'Input should be a finite number'],
  email: ['value_error', 'value is not a valid email address'],
  rfc_email: ['value_error', 'value is not a valid email address'],
  url: ['url_parsing', 'Input should be a valid URL'],
  uuid: ['uuid_parsing', 'Input should be a valid UUID'],
  ipv4: ['value_error', 'value is not a valid IPv4 address'],
  ipv6: ['value_error', 'value is not a valid IPv6 address'],
  ip: ['value_error', 'value is not a valid IP address'],
  iso_date: ['date_parsing', 'Input should be a valid date in the format YYYY-MM-DD'],
  iso_date_time: ['datetime_parsing', 'Input should be a valid datetime'],
  iso_timestamp: ['datetime_parsing', 'Input should be a valid datetime'],
  iso_time: ['time_parsing', 'Input should be a valid time'],
}

const BOUNDS: Readonly<Record<string, readonly [string, string, string]>> = {
  min_value: ['greater_than_equal', 'greater than or equal to', 'ge'],
  max_value: ['less_than_equal', 'less than or equal to', 'le'],
  gt_value: ['greater_than', 'greater than', 'gt'],
  lt_value: ['less_than', 'less than', 'lt'],
}

function describeLength(issue: v.BaseIssue<unknown>, tooShort: boolean): IssueDescription | null {
  const limit = issue.requirement as number
  const input = issue.input
  if (typeof input === 'string') {
    const key = tooShort ? 'min_length' : 'max_length'
    const bound = tooShort ? 'at least' : 'at most'
    return {
      type: tooShort ? 'string_too_short' : 'string_too_long',
      msg: `String should have ${bound} ${plural(limit, 'character')}`,
      ctx: { [key]: limit },
    }
  }
  if (Array.isArray(input)) {
    const key = tooShort ? 'min_length' : 'max_length'
    const bound = tooShort ? 'at least' : 'at most'
    return {
      type: tooShort ? 'too_short' : 'too_long',
      msg: `List should have ${bound} ${plural(limit, 'item')} after validation, not ${input.length}`,
      ctx: { field_type: 'List', [key]: limit, actual_length: input.length },
    }
  }
  return null
}

function lengthOf(input: unknown): number {
  return typeof input === 'string' || Array.isArray(input) ? input.length : 0
}

function describeFile(issue: v.BaseIssue<unknown>): IssueDescription | null {
  const requirement = issue.requirement
  switch (issue.type) {
    case 'max_size':
      return {
        type: 'max_size',
        msg: `File should be at most ${plural(requirement as number, 'byte')}`,
        ctx: { max_size: requirement },
      }
    case 'min_size':
      return {
        type: 'min_size',
        msg: `File should be at least ${plural(requirement as number, 'byte')}`,
        ctx: { min_size: requirement },
      }
    case 'mime_type': {
      const expected = listOptions(requirement as string[])
      return { type: 'mime_type', msg: `File type should be ${expected}`, ctx: { expected } }
    }
    default:
      return null
  }
}

function describeSchemaIssue(issue: v.BaseIssue<unknown>, node: SchemaNode | undefined) {
  const last = issue.path?.[issue.path.length - 1]
  if (last?.origin === 'key' && issue.type.includes('object')) {
    return issue.expected === 'never'
      ? { type: 'extra_forbidden', msg: 'Extra inputs are not permitted', input: last.value }
      : { type: 'missing', msg: 'Field required', missing: true as const }
  }
  if (issue.type === 'number') {
    return isIntegerSchema(node)
      ? { type: 'int_type', msg: 'Input should be a valid integer' }
      : { type: 'float_type', msg: 'Input should be a valid number' }
  }
  if (issue.type === 'picklist' || issue.type === 'enum' || issue.type === 'literal') {
    const base = node === undefined ? undefined : unwrapSchema(node).base
    const options = base?.type === 'literal' ? [base.literal] : base?.options
    if (options === undefined) return null
    const expected = listOptions(options)
    return {
      type: issue.type === 'literal' ? 'literal_error' : 'enum',
      msg: `Input should be ${expected}`,
      ctx: { expected },
    }
  }
  return null
}

/** Names a Valibot issue the way pydantic would; `null` keeps Valibot's type and message. */
export function describeIssue(
  issue: v.BaseIssue<unknown>,
  node: SchemaNode | undefined,
): IssueDescription | null {
  if (issue.kind === 'schema') {
    const special = describeSchemaIssue(issue, node)
    if (special !== null) return special
  }
  const simple = SIMPLE[issue.type]
  if (simple !== undefined) return { type: simple[0], msg: simple[1] }
  const bound = BOUNDS[issue.type]
  if (bound !== undefined) {
    const limit = jsonSafe(issue.requirement)
    return {
      type: bound[0],
      msg: `Input should be ${bound[1]} ${typeof limit === 'string' ? quote(limit) : limit}`,
      ctx: { [bound[2]]: limit },
    }
  }
  switch (issue.type) {
    case 'min_length':
      return describeLength(issue, true)
    case 'non_empty':
      return describeLength({ ...issue, requirement: 1 }, true)
    case 'max_length':
      return describeLength(issue, false)
    case 'length':
      return describeLength(issue, lengthOf(issue.input) < (issue.requirement as number))
    case 'integer':
    case 'safe_integer':
      return Number.isInteger(issue.input)
        ? { type: 'int_parsing_size', msg: 'Input should be a safe integer' }
        : {
            type: 'int_from_float',
            msg: 'Input should be a valid integer, got a number with a fractional part',
          }
    case 'multiple_of':
      return {
        type: 'multiple_of',
        msg: `Input should be a multiple of ${jsonSafe(issue.requirement)}`,
        ctx: { multiple_of: jsonSafe(issue.requirement) },
      }
    case 'regex': {
      const pattern = (issue.requirement as RegExp).source
      return {
        type: 'string_pattern_mismatch',
        msg: `String should match pattern '${pattern}'`,
        ctx: { pattern },
      }
    }
    case 'check':
    case 'check_items':
    case 'raw_check':
    case 'custom':
    case 'raw_transform':
      return { type: 'value_error', msg: issue.message }
    default:
      return describeFile(issue)
  }
}
