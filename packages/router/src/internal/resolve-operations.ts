import type { Use } from '@brisk/di'
import { type InputSpec, locationEntries } from '@brisk/validator'
import type { Operation } from '../operation.ts'
import { assertValidPath, joinPaths, pathParamNames, toHonoPath } from '../path.ts'
import type {
  ResponseDeclaration,
  ResponseSpec,
  Route,
  RouteNode,
  RouterOptions,
  StreamSpec,
  WebSocketSpec,
} from '../types.ts'

interface Inherited {
  readonly prefix: string
  readonly tags: readonly string[]
  readonly deprecated: boolean
  readonly bodyLimit: number | undefined
  readonly lax: boolean | undefined
  readonly responses: Readonly<Record<number, ResponseDeclaration>>
  readonly run: readonly Use[]
  readonly security: readonly Use[]
}

/** An operation before its dependencies are planned (the app does that, with its container). */
export type ResolvedRoute = Omit<Operation, 'dependencies' | 'credentials'>

/**
 * Flattens routers into operations, checking at startup what would otherwise fail per request:
 * path syntax, duplicate routes and operation ids.
 */
export function resolveOperations(
  nodes: readonly RouteNode[],
  appDependencies: readonly Use[] = [],
  appSecurity: readonly Use[] = [],
): ResolvedRoute[] {
  const operations: ResolvedRoute[] = []
  const root: Inherited = {
    prefix: '',
    tags: [],
    deprecated: false,
    bodyLimit: undefined,
    lax: undefined,
    responses: {},
    run: appDependencies,
    security: appSecurity,
  }
  collect(nodes, root, operations)
  assertUniqueRoutes(operations)
  return dedupeDerivedIds(operations)
}

function collect(nodes: readonly RouteNode[], inherited: Inherited, out: ResolvedRoute[]): void {
  for (const node of nodes) {
    if (node.kind === 'router') collect(node.children, inherit(inherited, node.options), out)
    else out.push(toOperation(node, inherited))
  }
}

function inherit(parent: Inherited, options: RouterOptions): Inherited {
  return {
    prefix: joinPaths(parent.prefix, options.prefix ?? ''),
    tags: [...parent.tags, ...(options.tags ?? [])],
    deprecated: parent.deprecated || options.deprecated === true,
    bodyLimit: options.bodyLimit ?? parent.bodyLimit,
    lax: options.lax ?? parent.lax,
    responses: { ...parent.responses, ...options.responses },
    run: [...parent.run, ...(options.dependencies ?? [])],
    security: options.security ?? parent.security,
  }
}

function toOperation(route: Route, inherited: Inherited): ResolvedRoute {
  const options = route.options
  const path = joinPaths(inherited.prefix, route.path)
  assertValidPath(path, `Route ${route.method} ${path}`)
  const inputs = inputsOf(route)
  const status = options.status ?? 200
  const responses = normalizeResponses({ ...inherited.responses, ...options.responses })
  if (options.response) responses[status] = { ...responses[status], schema: options.response }
  return {
    method: route.method,
    path,
    honoPath: toHonoPath(path),
    route,
    inputs,
    uses: options.deps ?? {},
    run: [...inherited.run, ...(options.dependencies ?? [])],
    security: options.public ? [] : (options.security ?? inherited.security),
    public: options.public === true,
    status,
    responses,
    stream: normalizeStream(options.stream),
    websocket: (options as { websocket?: WebSocketSpec }).websocket,
    tags: [...new Set([...inherited.tags, ...(options.tags ?? [])])],
    summary: options.summary,
    description: options.description,
    operationId: options.operationId ?? '',
    deprecated: inherited.deprecated || options.deprecated === true,
    bodyLimit: options.bodyLimit ?? inherited.bodyLimit,
    lax: options.lax ?? inherited.lax,
  }
}

function inputsOf(route: Route): InputSpec {
  const { params, query, headers, cookies, body, bodyType } = route.options
  const inputs: { -readonly [TKey in keyof InputSpec]: InputSpec[TKey] } = {}
  if (params) inputs.params = params
  if (query) inputs.query = query
  if (headers) inputs.headers = headers
  if (cookies) inputs.cookies = cookies
  if (body) inputs.body = body
  if (bodyType) inputs.bodyType = bodyType
  return inputs
}

/** The path's {placeholders} and the declared `params` must be the same names. */
export function assertParamsMatch(path: string, inputs: InputSpec, where: string): void {
  const inPath = pathParamNames(path)
  const declared = inputs.params
    ? Object.keys(locationEntries(inputs.params, `${where}: params`))
    : []
  const undeclared = inPath.filter((name) => !declared.includes(name))
  if (undeclared.length > 0) {
    throw new Error(
      `${where}: path parameter(s) ${undeclared.map((n) => `'${n}'`).join(', ')} not declared in 'params'`,
    )
  }
  const absent = declared.filter((name) => !inPath.includes(name))
  if (absent.length > 0) {
    throw new Error(
      `${where}: 'params' declares ${absent.map((n) => `'${n}'`).join(', ')} but the path has no such {placeholder}`,
    )
  }
}

function normalizeResponses(
  declarations: Readonly<Record<number, ResponseDeclaration>>,
): Record<number, ResponseSpec> {
  const responses: Record<number, ResponseSpec> = {}
  for (const [status, declaration] of Object.entries(declarations)) {
    responses[Number(status)] =
      'kind' in declaration && declaration.kind === 'schema'
        ? { schema: declaration }
        : (declaration as ResponseSpec)
  }
  return responses
}

function normalizeStream(stream: Route['options']['stream']): StreamSpec | undefined {
  if (stream === undefined) return undefined
  return typeof stream === 'string' ? { format: stream } : stream
}

/** `GET /users/{id}` → `get_users_id`, readable and stable across runs. */
function deriveOperationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return [method.toLowerCase(), ...(words.length > 0 ? words : ['root'])].join('_')
}

function assertUniqueRoutes(operations: readonly ResolvedRoute[]): void {
  const routes = new Set<string>()
  for (const operation of operations) {
    // `/items/:id` and `/items/:name` are the same route to the router.
    const key = `${operation.method} ${operation.honoPath.replace(/:[A-Za-z0-9_]+/g, ':')}`
    if (routes.has(key)) {
      throw new Error(`Route ${operation.method} ${operation.path} is declared twice`)
    }
    routes.add(key)
  }
}

/** Explicit ids must be unique; derived ones get a numeric suffix when two paths spell alike. */
function dedupeDerivedIds(operations: ResolvedRoute[]): ResolvedRoute[] {
  const explicit = new Map<string, ResolvedRoute>()
  for (const operation of operations) {
    if (operation.operationId === '') continue
    const other = explicit.get(operation.operationId)
    if (other) {
      throw new Error(
        `Routes ${other.method} ${other.path} and ${operation.method} ${operation.path} share the operationId '${operation.operationId}'`,
      )
    }
    explicit.set(operation.operationId, operation)
  }
  const used = new Set(explicit.keys())
  return operations.map((operation) => {
    if (operation.operationId !== '') return operation
    const base = deriveOperationId(operation.method, operation.path)
    let operationId = base
    for (let n = 2; used.has(operationId); n++) operationId = `${base}_${n}`
    used.add(operationId)
    return { ...operation, operationId }
  })
}
