import { CoercionFailure, FAILURES } from './coercion-failure.ts'
import { parseDate } from './parse-date.ts'
import { type SchemaNode, unwrapSchema } from './schema-node.ts'

/** Turns one raw string into the declared type, or returns a {@link CoercionFailure}. */
export type Coercer = (raw: string) => unknown

// One way to match each string: `\d+\.?\d*` could split a digit run two ways and backtrack
// quadratically on a long run ending in a bad character.
const FLOAT = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const INTEGER = /^-?\d+$/

const BOOLEANS: Readonly<Record<string, boolean>> = Object.assign(Object.create(null), {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
  on: true,
  off: false,
})

// `1e400` matches the grammar but overflows to Infinity, which is never a valid number.
const finiteOr = (raw: string, failure: unknown): unknown => {
  const number = Number(raw)
  return Number.isFinite(number) ? number : failure
}
const toFloat: Coercer = (raw) => (FLOAT.test(raw) ? finiteOr(raw, FAILURES.float) : FAILURES.float)
const toInteger: Coercer = (raw) => (INTEGER.test(raw) ? finiteOr(raw, FAILURES.int) : FAILURES.int)
const toBigInt: Coercer = (raw) => (INTEGER.test(raw) ? BigInt(raw) : FAILURES.int)
const toBoolean: Coercer = (raw) => BOOLEANS[raw.toLowerCase()] ?? FAILURES.bool

/** Options given as strings map back to their value; unknown strings stay for Valibot to reject. */
function toOption(options: readonly unknown[]): Coercer | undefined {
  const byText: Record<string, unknown> = Object.create(null)
  let needed = false
  for (const option of options) {
    const kind = typeof option
    if (kind === 'number' || kind === 'boolean' || kind === 'bigint') {
      needed = true
      byText[String(option)] ??= option
    } else if (kind === 'string') byText[option as string] = option
  }
  if (!needed) return undefined
  return (raw) => {
    if (raw in byText) return byText[raw]
    if (FLOAT.test(raw)) {
      const number = Number(raw)
      if (options.includes(number)) return number
    }
    return raw
  }
}

function toUnion(options: readonly SchemaNode[]): Coercer | undefined {
  const coercers = options.map(createCoercer)
  // A string option (or any option taking the raw string) means the raw string already fits.
  if (coercers.length === 0 || coercers.every((coercer) => coercer === undefined)) return undefined
  return (raw) => {
    let first: unknown
    for (const coercer of coercers) {
      if (coercer === undefined) return raw
      const value = coercer(raw)
      if (!(value instanceof CoercionFailure)) return value
      first ??= value
    }
    return first
  }
}

/**
 * Plans the coercion of one scalar field from its schema (looking through optional/nullable/...
 * wrappers; a pipe keeps its root type). `undefined` means the raw string is used as is.
 */
export function createCoercer(schema: SchemaNode): Coercer | undefined {
  const { base, integer } = unwrapSchema(schema)
  switch (base.type) {
    case 'number':
      return integer ? toInteger : toFloat
    case 'boolean':
      return toBoolean
    case 'bigint':
      return toBigInt
    case 'date':
      return parseDate
    case 'picklist':
    case 'enum':
      return toOption(base.options ?? [])
    case 'literal':
      return toOption([base.literal])
    case 'union':
      return toUnion((base.options ?? []) as SchemaNode[])
    default:
      return undefined
  }
}
