/**
 * The AsyncAPI 3 document of an app's WebSocket routes: one channel per `ws()` route (its address,
 * path parameters, query and headers in the `ws` binding, its messages), an operation for each
 * direction, and the security the upgrade enforces. Read from the OpenAPI document, so both say
 * exactly the same about the same routes.
 */
import { createDocument, type DocumentOptions, type DocumentSource } from './create-document.ts'
import type { JsonSchema, OpenAPIDocument, OperationObject, ParameterObject } from './types.ts'

export interface AsyncApiDocument {
  asyncapi: '3.0.0'
  info: { title: string; version: string; description?: string }
  channels: Record<string, JsonSchema>
  operations: Record<string, JsonSchema>
  components: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, JsonSchema> }
}

/**
 * Builds the AsyncAPI 3.0 document of the app's WebSocket routes (no channels when it has none).
 *
 * @example
 * const document = createAsyncApiDocument(app, { info: { title: 'Chat', version: '1.0.0' } })
 */
export function createAsyncApiDocument(
  source: DocumentSource,
  options: DocumentOptions,
): AsyncApiDocument {
  return asyncApiOf(createDocument(source, options))
}

/** The AsyncAPI view of an OpenAPI document's WebSocket operations (`x-websocket`). */
export function asyncApiOf(openapi: OpenAPIDocument): AsyncApiDocument {
  const channels: Record<string, JsonSchema> = {}
  const operations: Record<string, JsonSchema> = {}
  const schemes = openapi.components.securitySchemes ?? {}
  const usedSchemes = new Set<string>()
  for (const [path, methods] of Object.entries(openapi.paths)) {
    const operation = methods.get
    const websocket = operation?.['x-websocket']
    if (!operation || !websocket) continue
    const id = operation.operationId
    const channel = `#/channels/${id}`
    const messages: Record<string, JsonSchema> = {}
    for (const direction of ['incoming', 'outgoing', 'invalidMessage'] as const) {
      const message = websocket[direction] as JsonSchema | undefined
      if (message) messages[direction] = messageOf(message)
    }
    channels[id] = {
      address: path,
      ...describedBy(operation),
      ...parametersOf(operation.parameters ?? []),
      messages,
      bindings: { ws: wsBinding(operation.parameters ?? []) },
    }
    const security = securityOf(operation, schemes)
    for (const scheme of security.used) usedSchemes.add(scheme)
    const common = {
      channel: { $ref: channel },
      ...(operation.tags && { tags: operation.tags.map((name) => ({ name })) }),
      ...(security.list.length > 0 && { security: security.list }),
    }
    operations[`${id}_receive`] = {
      action: 'receive',
      summary: `Messages the client sends to ${path}`,
      ...common,
      messages: [{ $ref: `${channel}/messages/incoming` }],
    }
    operations[`${id}_send`] = {
      action: 'send',
      summary: `Messages the server sends on ${path}`,
      ...common,
      messages: Object.keys(messages)
        .filter((name) => name !== 'incoming')
        .map((name) => ({ $ref: `${channel}/messages/${name}` })),
    }
  }
  const securitySchemes = Object.fromEntries(
    [...usedSchemes].map((name) => [name, asyncScheme(schemes[name]!)]),
  )
  const components: AsyncApiDocument['components'] = {}
  const schemas = reachableSchemas({ channels, operations }, openapi.components.schemas)
  if (Object.keys(schemas).length > 0) components.schemas = schemas
  if (usedSchemes.size > 0) components.securitySchemes = securitySchemes
  const { title, version, description } = openapi.info
  return {
    asyncapi: '3.0.0',
    info: { title, version, ...(description && { description }) },
    channels,
    operations,
    components,
  }
}

function describedBy(operation: OperationObject): JsonSchema {
  return {
    ...(operation.summary && { title: operation.summary }),
    ...(operation.description && { description: operation.description }),
  }
}

/** One direction of `x-websocket` as an AsyncAPI message. */
function messageOf(message: JsonSchema): JsonSchema {
  const { contentType, schema, description } = message as {
    contentType?: string
    schema?: JsonSchema
    description?: string
  }
  if (schema) return { contentType, payload: schema, ...(description && { description }) }
  return { ...(description && { description }), payload: { type: 'string' } }
}

/** Path parameters: AsyncAPI 3 keeps only their description, enum and default (no schema). */
function parametersOf(parameters: readonly ParameterObject[]): JsonSchema {
  const inPath = parameters.filter((parameter) => parameter.in === 'path')
  if (inPath.length === 0) return {}
  return {
    parameters: Object.fromEntries(
      inPath.map((parameter) => {
        const { enum: values, default: fallback } = parameter.schema as {
          enum?: unknown[]
          default?: unknown
        }
        const described = {
          ...(parameter.description && { description: parameter.description }),
          ...(Array.isArray(values) && { enum: values.map(String) }),
          ...(fallback !== undefined && { default: String(fallback) }),
        }
        return [parameter.name, described]
      }),
    ),
  }
}

/** The upgrade request's query and headers, as the `ws` binding's object schemas. */
function wsBinding(parameters: readonly ParameterObject[]): JsonSchema {
  const binding: JsonSchema = { method: 'GET' }
  for (const place of ['query', 'header'] as const) {
    const listed = parameters.filter((parameter) => parameter.in === place)
    if (listed.length === 0) continue
    binding[place === 'query' ? 'query' : 'headers'] = {
      type: 'object',
      properties: Object.fromEntries(
        listed.map((parameter) => [
          parameter.name,
          parameter.description
            ? { ...parameter.schema, description: parameter.description }
            : parameter.schema,
        ]),
      ),
      required: listed.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    }
  }
  return { ...binding, bindingVersion: '0.1.0' }
}

/**
 * AsyncAPI lists security schemes any one of which is enough; an OpenAPI requirement that needs
 * two at once cannot be said, so each scheme named is listed. Scopes go on an inline copy of an
 * OAuth scheme (AsyncAPI has no scopes on a reference).
 */
function securityOf(
  operation: OperationObject,
  schemes: Record<string, JsonSchema>,
): { list: JsonSchema[]; used: string[] } {
  const scopesBy = new Map<string, Set<string>>()
  for (const requirement of operation.security ?? []) {
    for (const [name, scopes] of Object.entries(requirement)) {
      const known = scopesBy.get(name) ?? new Set<string>()
      for (const scope of scopes) known.add(scope)
      scopesBy.set(name, known)
    }
  }
  const list: JsonSchema[] = []
  for (const [name, scopes] of scopesBy) {
    const scheme = schemes[name]
    if (!scheme) continue
    list.push(
      scopes.size > 0 ? { ...asyncScheme(scheme), scopes: [...scopes] } : { $ref: schemeRef(name) },
    )
  }
  return { list, used: [...scopesBy.keys()].filter((name) => schemes[name]) }
}

const schemeRef = (name: string) => `#/components/securitySchemes/${name}`

/** An OpenAPI security scheme in AsyncAPI 3's words. */
function asyncScheme(scheme: JsonSchema): JsonSchema {
  const { type, description } = scheme as { type: string; description?: string }
  const described = description ? { description } : {}
  if (type === 'apiKey')
    return { type: 'httpApiKey', name: scheme.name, in: scheme.in, ...described }
  if (type === 'oauth2') {
    const flows = Object.fromEntries(
      Object.entries(scheme.flows as Record<string, JsonSchema>).map(([flow, spec]) => {
        const { scopes, ...rest } = spec
        return [flow, { ...rest, availableScopes: scopes ?? {} }]
      }),
    )
    return { type, flows, scopes: [], ...described }
  }
  if (type === 'openIdConnect')
    return { type, openIdConnectUrl: scheme.openIdConnectUrl, scopes: [], ...described }
  return { ...scheme }
}

/** Only the component schemas the channels refer to, directly or through one another. */
function reachableSchemas(
  root: unknown,
  all: Record<string, JsonSchema>,
): Record<string, JsonSchema> {
  const reached = new Map<string, JsonSchema>()
  const visit = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) visit(item)
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (
          key === '$ref' &&
          typeof item === 'string' &&
          item.startsWith('#/components/schemas/')
        ) {
          const name = item.slice('#/components/schemas/'.length)
          const schema = all[name]
          if (schema && !reached.has(name)) {
            reached.set(name, schema)
            visit(schema)
          }
        } else visit(item)
      }
    }
  }
  visit(root)
  return Object.fromEntries(reached)
}
