import type * as v from 'valibot'
import type { ValidationIssue } from '../types.ts'
import { describeIssue } from './describe-issue.ts'
import { type SchemaNode, schemaAtPath } from './schema-node.ts'
import { truncateInput } from './truncate-input.ts'

// Valibot's own wording; anything else was written by the schema's author and is kept.
const DEFAULT_MESSAGE = /^Invalid [^:]+: (Expected [\s\S]* but r|R)eceived /

/**
 * Turns a Valibot issue into a FastAPI-style issue: `loc` starts with the location name and
 * follows the issue path; `type`, `msg` and `ctx` use pydantic's names where one exists. A custom
 * message set on the schema wins over the generated sentence.
 */
export function mapIssue(
  issue: v.BaseIssue<unknown>,
  location: string,
  root: SchemaNode,
): ValidationIssue {
  const loc: (string | number)[] = [location]
  const keys: unknown[] = []
  if (issue.path !== undefined) {
    for (const item of issue.path) {
      const key = item.key
      keys.push(key)
      loc.push(typeof key === 'string' || typeof key === 'number' ? key : String(key))
    }
  }
  const needsSchema =
    issue.type === 'number' ||
    issue.type === 'picklist' ||
    issue.type === 'enum' ||
    issue.type === 'literal'
  const description = describeIssue(issue, needsSchema ? schemaAtPath(root, keys) : undefined)
  const custom = !DEFAULT_MESSAGE.test(issue.message)
  const mapped: ValidationIssue = {
    type: description?.type ?? issue.type,
    loc,
    msg: custom || description === null ? issue.message : description.msg,
    input:
      description?.missing === true
        ? null
        : truncateInput(
            description !== null && 'input' in description ? description.input : issue.input,
          ),
  }
  if (description?.ctx !== undefined) mapped.ctx = description.ctx
  return mapped
}
