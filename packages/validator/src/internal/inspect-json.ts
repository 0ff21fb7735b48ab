import type { ValidationIssue, ValidationLimits } from '../types.ts'
import { isForbiddenKey } from './forbidden-keys.ts'

const OK = 0
const TOO_DEEP = 1
const TOO_MANY = 2
const NOT_FINITE = 3

interface WalkState {
  nodes: number
  readonly maxNodes: number
  readonly maxDepth: number
  /** Where the non-finite number is, filled in while the walk unwinds. */
  readonly path: (string | number)[]
  value: number
}

function walk(node: unknown, depth: number, state: WalkState): number {
  if (++state.nodes > state.maxNodes) return TOO_MANY
  if (typeof node === 'number') {
    // JSON.parse reads `1e999` as Infinity: valid to `v.number()`, sent back as `null`.
    if (Number.isFinite(node)) return OK
    state.value = node
    return NOT_FINITE
  }
  if (typeof node !== 'object' || node === null) return OK
  if (depth > state.maxDepth) return TOO_DEEP
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) {
      const verdict = walk(node[index], depth + 1, state)
      if (verdict === NOT_FINITE) state.path.unshift(index)
      if (verdict !== OK) return verdict
    }
    return OK
  }
  const record = node as Record<string, unknown>
  for (const key in record) {
    // JSON.parse makes `__proto__` an own property; merging code downstream would pollute.
    if (isForbiddenKey(key)) {
      delete record[key]
      continue
    }
    const verdict = walk(record[key], depth + 1, state)
    if (verdict === NOT_FINITE) state.path.unshift(key)
    if (verdict !== OK) return verdict
  }
  return OK
}

/**
 * Walks a parsed JSON value once: deletes prototype-polluting keys at any depth, enforces the
 * depth and value-count caps, and refuses numbers too large to be finite (pydantic's
 * `finite_number`). Returns an issue for the first problem. Stops at `maxDepth`, so the recursion
 * is bounded.
 */
export function inspectJson(value: unknown, limits: ValidationLimits): ValidationIssue | undefined {
  const state: WalkState = {
    nodes: 0,
    maxNodes: limits.maxNodes,
    maxDepth: limits.maxDepth,
    path: [],
    value: 0,
  }
  const verdict = walk(value, 1, state)
  if (verdict === NOT_FINITE) {
    return {
      type: 'finite_number',
      loc: ['body', ...state.path],
      msg: 'Input should be a finite number',
      input: String(state.value),
    }
  }
  if (verdict === TOO_DEEP) {
    return {
      type: 'too_deep',
      loc: ['body'],
      msg: `JSON body is nested deeper than the limit of ${limits.maxDepth} levels`,
      input: null,
      ctx: { max_depth: limits.maxDepth },
    }
  }
  if (verdict === TOO_MANY) {
    return {
      type: 'too_many_values',
      loc: ['body'],
      msg: `JSON body has more than the limit of ${limits.maxNodes} values`,
      input: null,
      ctx: { max_values: limits.maxNodes },
    }
  }
  return undefined
}
