import { isForbiddenKey } from './forbidden-keys.ts'

const MAX_STRING = 256
const MAX_ITEMS = 10
const MAX_KEYS = 20
const MAX_DEPTH = 3

/** A plain, JSON-safe stand-in for a value that could not be represented as is. */
function scalar(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}...` : value
    case 'number':
      return Number.isFinite(value) ? value : String(value)
    case 'bigint':
    case 'symbol':
    case 'function':
      return String(value)
    case 'undefined':
      return null
    default:
      return value
  }
}

/**
 * Makes an issue's `input` safe and small enough to echo to the client: long strings are cut,
 * arrays and objects summarised (first items/keys, three levels), files described, bigints and
 * dates turned into strings. Never returns the original object, so nothing leaks by reference.
 */
export function truncateInput(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return scalar(value)
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()
  if (typeof File !== 'undefined' && value instanceof File) {
    return { filename: value.name, content_type: value.type, size: value.size }
  }
  if (value instanceof Blob) return { content_type: value.type, size: value.size }
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return `[${value.length} items]`
    const items = value.slice(0, MAX_ITEMS).map((item) => truncateInput(item, depth + 1))
    if (value.length > MAX_ITEMS) items.push(`... ${value.length - MAX_ITEMS} more items`)
    return items
  }
  if (value instanceof Map || value instanceof Set)
    return `[${value.constructor.name}(${value.size})]`
  if (depth >= MAX_DEPTH) return '{...}'
  const result: Record<string, unknown> = {}
  let count = 0
  for (const key in value) {
    if (!Object.hasOwn(value, key) || isForbiddenKey(key)) continue
    if (count === MAX_KEYS) {
      result['...'] = 'more keys'
      break
    }
    result[key] = truncateInput((value as Record<string, unknown>)[key], depth + 1)
    count++
  }
  return result
}
