import { type BriskApp, type Operation, securityOf, websocketHub } from '@brisk/router'
import type * as v from 'valibot'
import { ERROR_SCHEMAS, validationResponses } from './internal/error-schemas.ts'
import { parametersOf } from './internal/parameters.ts'
import { requestBodyOf } from './internal/request-body.ts'
import { responsesOf } from './internal/responses.ts'
import { createSchemaConverter } from './internal/schema-converter.ts'
import { namedSchemas } from './internal/titled-schemas.ts'
import { WEBSOCKET_RESPONSES, websocketExtension } from './internal/websocket.ts'
import { combineRequirements } from './security.ts'
import type {
  InfoObject,
  JsonSchema,
  OpenAPIDocument,
  OperationObject,
  ResponseObject,
  SecurityRequirement,
  ServerObject,
  TagObject,
} from './types.ts'

export interface DocumentOptions {
  readonly info: InfoObject
  /**
   * Where the API is served; from configuration, never from a request's Host header. Default:
   * `/`, the origin the document is served from.
   */
  readonly servers?: readonly ServerObject[]
  /** Tag descriptions (tags used by routes but not listed here are added bare). */
  readonly tags?: readonly TagObject[]
  /**
   * Schemas to publish as `components/schemas/Name` and refer to by `$ref`. Object schemas with a
   * `v.title('Name')` the routes use are published by that name without being listed.
   */
  readonly schemas?: Readonly<Record<string, v.GenericSchema>>
  /**
   * Hears, once per document, of the schema features JSON Schema cannot express (documented
   * without that constraint), each with the first operation that uses it. Default: one
   * `console.warn` line for them all.
   */
  readonly onWarning?: (warnings: readonly string[]) => void
  /**
   * `'fastapi'`: operations without an explicit `operationId` are named as FastAPI names them,
   * handler name + path + method (`read_item_items__item_id__get` for
   * `get('/items/{item_id}', {}, function read_item() {…})`), so clients generated from a FastAPI
   * app's document keep their method names after a port. Default `'brisk'`: `get_items_item_id`.
   */
  readonly operationIds?: 'brisk' | 'fastapi'
}

/** What the generator reads from an app: `createApp` gives exactly this. */
export interface DocumentSource {
  readonly operations: readonly Operation[]
  readonly validation: {
    readonly errorStatus: 400 | 422
    readonly errorFormat: 'fastapi' | 'problem'
  }
}

/**
 * Builds the OpenAPI 3.1 document of an app from its routes' metadata: parameters, bodies,
 * responses, the validation errors the server really answers with, and the security its
 * dependencies enforce.
 *
 * @example
 * const document = createDocument(app, { info: { title: 'Shop', version: '1.0.0' }, schemas: { Item } })
 */
export function createDocument(source: DocumentSource, options: DocumentOptions): OpenAPIDocument {
  const inexact = new Map<string, string>()
  let where = 'components.schemas'
  const named = namedSchemas(source.operations, options.schemas ?? {})
  const converter = createSchemaConverter(named, (feature) => {
    if (!inexact.has(feature)) inexact.set(feature, where)
  })
  const { errorStatus, errorFormat } = source.validation
  const paths: OpenAPIDocument['paths'] = {}
  const securitySchemes: Record<string, JsonSchema> = {}
  const usedTags: string[] = []
  const usedIds = new Set<string>()

  for (const operation of source.operations) {
    where = `${operation.method} ${operation.path}`
    const inputs = operation.inputs
    const operationId =
      options.operationIds === 'fastapi'
        ? fastapiOperationId(operation, usedIds)
        : operation.operationId
    usedIds.add(operationId)
    const object: OperationObject = { operationId, responses: {} }
    // FastAPI titles an operation by its function's name.
    const named = operationId !== operation.operationId ? operation.route.handler.name : undefined
    object.summary = operation.summary ?? humanize(named ?? operation.operationId)
    if (operation.description) object.description = operation.description
    if (operation.tags.length > 0) object.tags = [...operation.tags]
    if (operation.deprecated) object.deprecated = true
    const declarations = operation.dependencies.flatMap(
      (dependency) => securityOf(dependency) ?? [],
    )
    const parameters = parametersOf(inputs, converter.convert)
    if (parameters.length > 0) object.parameters = parameters
    const requestBody = requestBodyOf(
      inputs,
      converter.convert,
      operation.route.options.requestBody,
    )
    if (requestBody) object.requestBody = requestBody
    const { websocket } = operation
    if (websocket) {
      const limit = websocket.maxMessageBytes ?? maxMessageBytesOf(source)
      // What the route declares (a 429 its dependency answers) beside the upgrade's own answers;
      // no default 200: a WebSocket route never answers one.
      const declared = responsesOf(operation, converter.convert)
      if (!(operation.status in operation.responses)) delete declared[String(operation.status)]
      object.responses = { ...declared, ...WEBSOCKET_RESPONSES }
      object['x-websocket'] = websocketExtension(websocket, limit, converter.convert)
    } else {
      object.responses = responsesOf(operation, converter.convert)
    }
    if (parameters.length > 0 || (requestBody && !operation.route.options.requestBody)) {
      const errors = validationResponses(errorStatus, errorFormat, requestBody !== undefined)
      object.responses = { ...errors, ...object.responses }
    }
    for (const declaration of declarations) addSchemes(securitySchemes, declaration.schemes)
    // An operation with no security says so (`[]`): public on purpose, not by omission.
    const security = combineRequirements(declarations) ?? []
    object.security = security
    if (security.length > 0)
      object.responses = { ...securityResponses(security), ...object.responses }
    for (const tag of operation.tags) if (!usedTags.includes(tag)) usedTags.push(tag)
    paths[operation.path] ??= {}
    paths[operation.path]![operation.method.toLowerCase()] = object
  }

  where = 'components.schemas'
  const schemas = converter.components()
  if (inexact.size > 0) {
    const warnings = [...inexact].map(([feature, at]) => `${feature} (first at ${at})`)
    ;(options.onWarning ?? warnOnConsole)(warnings)
  }
  const tags: TagObject[] = [...(options.tags ?? [])]
  for (const name of usedTags) if (!tags.some((tag) => tag.name === name)) tags.push({ name })
  const document: OpenAPIDocument = {
    openapi: '3.1.1',
    info: options.info,
    servers: [],
    paths,
    components: { schemas: { ...schemas, ...ERROR_SCHEMAS } },
  }
  document.servers = [...(options.servers ?? [{ url: '/', description: 'This server' }])]
  if (tags.length > 0) document.tags = tags
  if (Object.keys(securitySchemes).length > 0) document.components.securitySchemes = securitySchemes
  return sortResponses(document)
}

function warnOnConsole(warnings: readonly string[]) {
  console.warn(
    `[brisk/openapi] documented without constraints JSON Schema cannot express: ${warnings.join('; ')}`,
  )
}

/** The app's default message size limit for WebSocket routes (1 MiB unless configured). */
function maxMessageBytesOf(source: DocumentSource): number {
  return websocketHub(source as BriskApp)?.limits.maxMessageBytes ?? 1024 * 1024
}

/** A scheme name stands for one scheme: two different schemes under one name is a mistake. */
function addSchemes(
  into: Record<string, JsonSchema>,
  schemes: Readonly<Record<string, JsonSchema>>,
) {
  for (const [name, scheme] of Object.entries(schemes)) {
    const known = into[name]
    if (known && JSON.stringify(known) !== JSON.stringify(scheme)) {
      throw new Error(
        `Two different security schemes are both named '${name}'; give one another name`,
      )
    }
    into[name] = scheme
  }
}

/** What a secured operation answers without valid credentials (and, with scopes, without them). */
function securityResponses(
  security: readonly SecurityRequirement[],
): Record<string, ResponseObject> {
  const error = { 'application/json': { schema: { $ref: '#/components/schemas/HTTPError' } } }
  const responses: Record<string, ResponseObject> = {
    401: { description: 'Not authenticated, or invalid credentials', content: error },
  }
  if (
    security.some((requirement) => Object.values(requirement).some((scopes) => scopes.length > 0))
  ) {
    responses[403] = { description: 'Not enough permissions', content: error }
  }
  return responses
}

/**
 * FastAPI's `generate_unique_id`: `{name}{path}` with every non-word character as `_`, then
 * `_{method}`. A route without a named handler keeps Brisk's id (FastAPI always has a name).
 */
function fastapiOperationId(operation: Operation, used: ReadonlySet<string>): string {
  const name = operation.route.handler.name
  if (operation.route.options.operationId || !/^[A-Za-z_$][\w$]*$/.test(name)) {
    return operation.operationId
  }
  const base = `${name}${operation.path}_${operation.method.toLowerCase()}`.replace(/\W/g, '_')
  let operationId = base
  for (let n = 2; used.has(operationId); n++) operationId = `${base}_${n}`
  return operationId
}

/** `get_items_item_id` → `Get Items Item Id`, as FastAPI titles operations by function name. */
function humanize(operationId: string): string {
  return operationId
    .split('_')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ')
}

/** Responses in status order reads best and keeps the document stable. */
function sortResponses(document: OpenAPIDocument): OpenAPIDocument {
  for (const methods of Object.values(document.paths)) {
    for (const operation of Object.values(methods)) {
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      )
    }
  }
  return document
}
