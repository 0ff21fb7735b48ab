import type { PipeItem, SchemaNode } from './schema-node.ts'

/** Whether a field (through its wrappers) carries `v.metadata({ sensitive: true })`. */
export function isSensitive(field: SchemaNode): boolean {
  for (let node: SchemaNode | undefined = field; node; node = node.wrapped) {
    // `v.metadata` keeps its object in `metadata`; other pipe items have none.
    const pipe: readonly (PipeItem & { readonly metadata?: { readonly sensitive?: unknown } })[] =
      node.pipe ?? []
    if (pipe.some((item) => item.type === 'metadata' && item.metadata?.sensitive === true))
      return true
  }
  return false
}
