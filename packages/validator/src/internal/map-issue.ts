import type * as v from 'valibot'
import type { ValidationIssue } from '../types.ts'
import { describeIssue } from './describe-issue.ts'
import { echoJson } from './echo-json.ts'
import { type SchemaNode, schemaAtPath, unwrapSchema } from './schema-node.ts'
import { truncateInput } from './truncate-input.ts'

// Valibot's own wording; anything else was written by the schema's author and is kept.
const DEFAULT_MESSAGE = /^Invalid [^:]+: (Expected [\s\S]* but r|R)eceived /

/**
 * Turns a Valibot issue into a FastAPI-style issue: `loc` starts with the location name and
 * follows the issue path (a record key's own issue ends in `'[key]'`, as pydantic's); `type`,
 * `msg` and `ctx` use pydantic's names where one exists. A custom message set on the schema wins
 * over the generated sentence. A missing field's `input` is `null`, or with `json` (a JSON body)
 * the object that should have held it, as pydantic gives it; JSON inputs never echo a value the
 * schema marks sensitive.
 */
export function mapIssue(
  issue: v.BaseIssue<unknown>,
  location: string,
  root: SchemaNode,
  json = false,
): ValidationIssue {
  const loc: (string | number)[] = [location]
  const keys: unknown[] = []
  const path = issue.path
  if (path !== undefined) {
    for (const item of path) {
      const key = item.key
      keys.push(key)
      loc.push(typeof key === 'string' || typeof key === 'number' ? key : String(key))
    }
  }
  const last = path?.[path.length - 1]
  // A key issue of a record comes from its key schema; an object's are missing or extra keys.
  const recordKey = last?.origin === 'key' && !issue.type.includes('object')
  if (recordKey) loc.push('[key]')
  const needsSchema =
    issue.type === 'number' ||
    issue.type === 'picklist' ||
    issue.type === 'enum' ||
    issue.type === 'literal'
  const node = json || needsSchema ? issueSchema(root, keys, recordKey) : undefined
  const description = describeIssue(issue, node)
  const custom = !DEFAULT_MESSAGE.test(issue.message)
  const value = description !== null && 'input' in description ? description.input : issue.input
  let input: unknown
  if (description?.missing !== true) input = json ? echoJson(value, node) : truncateInput(value)
  else input = json && last ? echoJson(last.input, schemaAtPath(root, keys.slice(0, -1))) : null
  const mapped: ValidationIssue = {
    type: description?.type ?? issue.type,
    loc,
    msg: custom || description === null ? issue.message : description.msg,
    input,
  }
  if (description?.ctx !== undefined) mapped.ctx = description.ctx
  return mapped
}

/** The schema that made the issue: the node at its path, or a record's key schema. */
function issueSchema(
  root: SchemaNode,
  keys: readonly unknown[],
  recordKey: boolean,
): SchemaNode | undefined {
  if (!recordKey) return schemaAtPath(root, keys)
  const record = schemaAtPath(root, keys.slice(0, -1))
  const key = record && unwrapSchema(record).base.key
  return typeof key === 'object' ? key : undefined
}
