import * as v from 'valibot'
import type { PipeItem, SchemaNode } from './schema-node.ts'

/**
 * Marks an object schema made by `jsonBodySchema`: it refuses arrays, so `compileParser` must
 * too (Valibot's own `object` takes any `typeof 'object'`).
 */
export const REFUSES_ARRAYS: unique symbol = Symbol('refuses arrays')

type Run = SchemaNode['~run']
type Dataset = ReturnType<Run>

const OBJECTS = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest'])
const TUPLES = new Set(['tuple', 'loose_tuple', 'strict_tuple', 'tuple_with_rest'])
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'nullish',
  'undefinedable',
  'exact_optional',
  'non_optional',
  'non_nullable',
  'non_nullish',
])

const adapted = new WeakMap<SchemaNode, SchemaNode>()

/**
 * The schema a JSON body is validated with: `schema`, with what JSON needs that JavaScript's
 * `typeof` does not give, as pydantic validates a parsed body: an object (or record) schema refuses
 * an array, as it refuses any other non-object (`recordKey` is what coerces a record's keys).
 * Nodes are copied, never changed, and only where something under them changes: a schema with
 * neither objects nor records is returned as is. Nodes under a `v.fallback` (whose run is a
 * closure over the schema it wraps) and under async schemas are left as they are.
 */
export function jsonBodySchema(schema: v.GenericSchema): v.GenericSchema {
  return adapt(schema, new Set()) as v.GenericSchema
}

function adapt(node: SchemaNode, path: Set<SchemaNode>): SchemaNode {
  const known = adapted.get(node)
  if (known) return known
  // A node met again on its own path was built cyclic by hand: that edge stays as it is.
  if (path.has(node) || node.kind !== 'schema' || node.async || 'fallback' in node) return node
  path.add(node)
  const result = rebuild(node, path)
  path.delete(node)
  adapted.set(node, result)
  return result
}

function rebuild(node: SchemaNode, path: Set<SchemaNode>): SchemaNode {
  if (node.pipe) {
    const [first, ...rest] = node.pipe
    const items = [adapt(first, path), ...rest.map((item) => adaptItem(item, path))]
    if (items.every((item, index) => item === node.pipe![index])) return node
    return (v.pipe as unknown as (...pipe: unknown[]) => SchemaNode)(...items)
  }
  const type = node.type
  if (OBJECTS.has(type) && node.entries) {
    const entries = mapValues(node.entries, (entry) => adapt(entry, path))
    const rest = node.rest && adapt(node.rest, path)
    return refusingArrays({ ...node, entries, ...(rest ? { rest } : {}) })
  }
  if (type === 'record' && node.value) {
    return refusingArrays({ ...node, value: adapt(node.value, path) })
  }
  if (type === 'array' && node.item) return changed(node, { item: adapt(node.item, path) })
  if (TUPLES.has(type) && node.items) {
    const items = node.items.map((item) => adapt(item, path))
    const rest = node.rest && adapt(node.rest, path)
    const same = items.every((item, index) => item === node.items![index]) && rest === node.rest
    return same ? node : { ...node, items, ...(rest ? { rest } : {}) }
  }
  if (WRAPPERS.has(type) && node.wrapped)
    return changed(node, { wrapped: adapt(node.wrapped, path) })
  if ((type === 'union' || type === 'variant' || type === 'intersect') && node.options) {
    const options = (node.options as SchemaNode[]).map((option) => adapt(option, path))
    return options.every((option, index) => option === node.options![index])
      ? node
      : { ...node, options }
  }
  if (type === 'lazy' && node.getter) {
    const getter = node.getter
    return { ...node, getter: (input: unknown) => adapt(getter(input), new Set()) }
  }
  return node
}

function adaptItem(item: PipeItem, path: Set<SchemaNode>): PipeItem {
  return item.kind === 'schema' ? adapt(item as SchemaNode, path) : item
}

/** A copy of `node` with `parts` when one of them differs from the node's own. */
function changed(node: SchemaNode, parts: Partial<Record<'item' | 'wrapped', SchemaNode>>) {
  const key = Object.keys(parts)[0] as 'item' | 'wrapped'
  return parts[key] === node[key] ? node : { ...node, ...parts }
}

function mapValues(
  entries: Readonly<Record<string, SchemaNode>>,
  map: (entry: SchemaNode) => SchemaNode,
): Record<string, SchemaNode> {
  const result: Record<string, SchemaNode> = {}
  for (const key in entries) result[key] = map(entries[key]!)
  return result
}

/** An object or record schema whose run refuses arrays with the issue any non-object gets. */
function refusingArrays(node: SchemaNode): SchemaNode {
  const run: Run = node['~run']
  return {
    ...node,
    [REFUSES_ARRAYS]: true,
    '~run'(this: SchemaNode, dataset, config) {
      if (!Array.isArray(dataset.value)) return run.call(this, dataset, config)
      // Valibot's issue for a non-object (its `expected`, its message or the schema's own),
      // then given the array as its input.
      const refused = run.call(this, { value: null }, config)
      for (const issue of refused.issues ?? []) {
        Object.assign(issue, { input: dataset.value, received: 'Array' })
      }
      return { typed: false, value: dataset.value, issues: refused.issues } as Dataset
    },
  } as SchemaNode
}
