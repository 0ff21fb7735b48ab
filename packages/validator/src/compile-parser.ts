/**
 * Valibot schemas applied fast: a schema is planned once, at startup, into closures that check a
 * value and build the very output `v.parse` would, without Valibot's per-node datasets, configs
 * and issue bookkeeping. SchemaNodes the plan does not cover run Valibot's own `~run`, so the output is
 * exactly `v.parse(schema, value)` whatever the schema holds. For a value the schema rejects the
 * parser answers `INVALID` only: callers run `v.safeParse` then, for the issues (so a pipe's
 * transforms run twice on invalid input: keep transforms free of side effects).
 */
import * as v from 'valibot'
import { REFUSES_ARRAYS } from './internal/json-body-schema.ts'
import { quickCheck, type ValueTest } from './internal/quick-check.ts'
import type { PipeItem, PipeStep, SchemaNode } from './internal/schema-node.ts'

/** What a compiled parser returns for a value its schema rejects (never a parsed value). */
export const INVALID: unique symbol = Symbol('invalid')

/** A compiled parser: `v.parse`'s output for a valid value, `INVALID` otherwise. */
export type CompiledParser = (value: unknown) => unknown

type Parse = CompiledParser

interface Planned {
  readonly parse: Parse
  /** False when the node is left to Valibot's `~run`: no faster than `safeParse`. */
  readonly fast: boolean
}

/**
 * Plans `schema` into a parser returning exactly `v.parse(schema, value)` for a valid value and
 * `INVALID` for an invalid one — or returns `undefined` when nothing would be faster than
 * `v.safeParse` (an async schema, or one whose root the plan leaves to Valibot).
 *
 * @example
 * const parse = compileParser(v.object({ id: v.number() }))
 * parse?.({ id: 1, secret: 's' }) // { id: 1 }
 * parse?.({ id: '1' }) // INVALID: run v.safeParse for the issues
 */
export function compileParser(schema: v.GenericSchema): CompiledParser | undefined {
  const root: SchemaNode = schema
  if (root.async !== false) return undefined
  const planned = plan(root, new Set())
  return planned.fast ? planned.parse : undefined
}

/** Plans already made, per schema node: a sub-schema shared by many parents is planned once. */
const plans = new WeakMap<SchemaNode, Planned>()

function plan(schema: SchemaNode, path: Set<SchemaNode>): Planned {
  const known = plans.get(schema)
  if (known) return known
  // A node met again on its own path was built cyclic by hand: Valibot runs that edge.
  if (path.has(schema)) return valibot(schema)
  let planned: Planned | undefined
  // A fallback replaces `~run`: left to Valibot.
  if (schema.kind === 'schema' && !('fallback' in schema)) {
    path.add(schema)
    planned = schema.pipe ? planPipe(schema.pipe, path) : planSchema(schema, path)
    path.delete(schema)
  }
  planned ??= valibot(schema)
  plans.set(schema, planned)
  return planned
}

/** Leaves a node to Valibot, as its parent schema would run it. */
function valibot(schema: SchemaNode): Planned {
  return {
    fast: false,
    parse: (value) => {
      const dataset = schema['~run']({ value }, v.getGlobalConfig())
      return dataset.issues ? INVALID : dataset.value
    },
  }
}

/** Valibot's pipe, for a value: the first schema, then each action on its dataset, in order. */
function planPipe(
  [first, ...rest]: readonly [SchemaNode, ...PipeItem[]],
  path: Set<SchemaNode>,
): Planned | undefined {
  const base = plan(first, path)
  const actions: PipeStep[] = []
  for (const item of rest) if (item.kind !== 'metadata') actions.push(item)
  if (actions.length === 0) return base
  const parseBase = base.parse
  const checks = actions.map(quickCheck)
  if (checks.every((check) => check !== undefined)) {
    // Only plain validations: tests on the value, no dataset or config per call.
    const tests = checks as ValueTest[]
    const count = tests.length
    return {
      fast: base.fast,
      parse: (value) => {
        const output = parseBase(value)
        if (output === INVALID) return INVALID
        for (let index = 0; index < count; index++) {
          if (!(tests[index] as ValueTest)(output)) return INVALID
        }
        return output
      },
    }
  }
  return {
    fast: base.fast,
    parse: (value) => {
      const output = parseBase(value)
      if (output === INVALID) return INVALID
      const config = v.getGlobalConfig()
      let dataset: v.OutputDataset<unknown, v.BaseIssue<unknown>> = { typed: true, value: output }
      for (const action of actions) {
        dataset = action['~run'](dataset, config)
        if (dataset.issues) return INVALID
      }
      return dataset.value
    },
  }
}

function planSchema(schema: SchemaNode, path: Set<SchemaNode>): Planned | undefined {
  switch (schema.type) {
    case 'string':
      return check((value) => typeof value === 'string')
    case 'number':
      return check((value) => typeof value === 'number' && !Number.isNaN(value))
    case 'boolean':
      return check((value) => typeof value === 'boolean')
    case 'null':
      return check((value) => value === null)
    case 'undefined':
      return check((value) => value === undefined)
    case 'any':
    case 'unknown':
      return check(() => true)
    case 'literal': {
      const literal = schema.literal
      // SameValueZero, as Valibot compares literals.
      return check(Number.isNaN(literal) ? Number.isNaN : (value) => value === literal)
    }
    case 'picklist':
    case 'enum': {
      // A Set compares with SameValueZero, as Valibot's `options.includes` does.
      const options = new Set(schema.options)
      return check((value) => options.has(value))
    }
    case 'optional':
    case 'undefinedable':
    case 'nullable':
    case 'nullish':
    case 'exact_optional':
      return schema.default === undefined && schema.wrapped
        ? planWrapper(schema.type, plan(schema.wrapped, path))
        : undefined
    case 'union':
      return schema.options?.length
        ? planUnion(schema.options as readonly SchemaNode[], path)
        : undefined
    case 'array':
      return schema.item ? planArray(plan(schema.item, path)) : undefined
    case 'object':
      return schema.entries ? planObject(schema.entries, path, REFUSES_ARRAYS in schema) : undefined
    default:
      return undefined
  }
}

/** A schema whose output is its input: only the test remains. */
const check = (test: (value: unknown) => boolean): Planned => ({
  fast: true,
  parse: (value) => (test(value) ? value : INVALID),
})

function planWrapper(type: string, inner: Planned): Planned {
  const parse = inner.parse
  switch (type) {
    case 'optional':
    case 'undefinedable':
      return { fast: true, parse: (value) => (value === undefined ? value : parse(value)) }
    case 'nullable':
      return { fast: true, parse: (value) => (value === null ? value : parse(value)) }
    case 'nullish':
      return { fast: true, parse: (value) => (value == null ? value : parse(value)) }
    default:
      return inner // exact_optional: an absent key is the object's business, a present one checked
  }
}

function planUnion(options: readonly SchemaNode[], path: Set<SchemaNode>): Planned {
  const parses = options.map((option) => plan(option, path).parse)
  // Valibot's union answers with the first option that parses without issues.
  return {
    fast: true,
    parse: (value) => {
      for (const parse of parses) {
        const output = parse(value)
        if (output !== INVALID) return output
      }
      return INVALID
    },
  }
}

function planArray(item: Planned): Planned {
  const parse = item.parse
  return {
    fast: true,
    parse: (value) => {
      if (!Array.isArray(value)) return INVALID
      const output: unknown[] = []
      for (let index = 0; index < value.length; index++) {
        const parsed = parse(value[index])
        if (parsed === INVALID) return INVALID
        output.push(parsed)
      }
      return output
    },
  }
}

// What an object does about an absent key, in the order Valibot's `object` decides it.
const REQUIRED = 0
const SKIP = 1
const DEFAULT = 2
const FALLBACK = 3

/** `refusesArrays`: the node is `jsonBodySchema`'s, whose run refuses arrays as well. */
function planObject(
  entries: Readonly<Record<string, SchemaNode>>,
  path: Set<SchemaNode>,
  refusesArrays: boolean,
): Planned {
  const keys: string[] = []
  const parses: Parse[] = []
  const absent: number[] = []
  const schemas: SchemaNode[] = []
  for (const key in entries) {
    const entry = entries[key] as SchemaNode
    const optional =
      entry.type === 'optional' || entry.type === 'exact_optional' || entry.type === 'nullish'
    keys.push(key)
    schemas.push(entry)
    parses.push(plan(entry, path).parse)
    absent.push(
      optional && entry.default !== undefined
        ? DEFAULT
        : entry.fallback !== undefined
          ? FALLBACK
          : optional
            ? SKIP
            : REQUIRED,
    )
  }
  const count = keys.length
  return {
    fast: true,
    parse: (value) => {
      if (!value || typeof value !== 'object' || (refusesArrays && Array.isArray(value))) {
        return INVALID
      }
      // Built as Valibot builds it (same keys, same order, same assignments), so JSON.stringify
      // sees the same object.
      const output: Record<string, unknown> = {}
      for (let index = 0; index < count; index++) {
        const key = keys[index] as string
        let parsed: unknown
        if (key in value) {
          parsed = (parses[index] as Parse)((value as Record<string, unknown>)[key])
        } else {
          const mode = absent[index]
          if (mode === SKIP) continue
          if (mode === REQUIRED) return INVALID
          const entry = schemas[index] as never
          parsed =
            mode === DEFAULT ? (parses[index] as Parse)(v.getDefault(entry)) : v.getFallback(entry)
        }
        if (parsed === INVALID) return INVALID
        output[key] = parsed
      }
      return output
    },
  }
}
