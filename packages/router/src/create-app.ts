/** `createApp`: plans every route once into a Hono app, and keeps the plans current under overrides. */
import { type Container, createContainer, type Use } from '@brisk/di'
import type { ValidationLimits, ValidatorOptions } from '@brisk/validator'
import { type Context, type Env, type Handler, Hono, type MiddlewareHandler } from 'hono'
import type { BlankEnv } from 'hono/types'
import type { ExceptionHandler } from './exception-handler.ts'
import { allowedMethods } from './internal/allowed-methods.ts'
import { appExecution, type PendingTasks } from './internal/background.ts'
import { type ErrorReporter, errorRenderer, logError } from './internal/error-renderer.ts'
import { createLifecycle, type LifespanHook } from './internal/lifecycle.ts'
import { planRoute, type RouteGraphs, type RoutePlan } from './internal/plan-route.ts'
import { slashRedirect } from './internal/redirect-slashes.ts'
import { type ResolvedRoute, resolveOperations } from './internal/resolve-operations.ts'
import { runRoute } from './internal/run-route.ts'
import { runtimeEnvironment } from './internal/runtime-environment.ts'
import { createWebSocketHub, isUpgrading, notUpgraded } from './internal/websocket-hub.ts'
import type { WebSocketHub, WebSocketLimits } from './internal/websocket-hub-api.ts'
import type { Operation } from './operation.ts'
import type { RouteNode } from './types.ts'

export interface AppOptions<TRoutes extends readonly RouteNode[] = readonly RouteNode[]> {
  /**
   * The routes and routers the app serves. (`readonly []` in the type makes TypeScript read a long
   * literal list element by element instead of comparing every pair: 500 routes check 5× faster.)
   */
  readonly routes: TRoutes
  /** Dependencies run before every route (e.g. an API-key check). */
  readonly dependencies?: readonly Use[]
  /**
   * Secure by default: security dependencies every route runs first unless it is marked `public`
   * or declares its own `security` (routers may set their own default too).
   */
  readonly security?: readonly Use[]
  /** Largest request body read, in bytes (default 1 MiB); routes and routers may set their own. */
  readonly bodyLimit?: number
  /**
   * Pydantic's lax mode for JSON bodies (default false: strict; routes and routers may set their own): numeric strings become numbers,
   * `"t"`/`"no"`/`0`… booleans, arrays `v.set()` Sets; a string that does not parse is
   * `float_parsing`/`int_parsing`/`bool_parsing`.
   */
  readonly lax?: boolean
  /** Status of a validation failure: 422 (default, as FastAPI) or 400. */
  readonly errorStatus?: 400 | 422
  /** `fastapi` (default): `{"detail":[...]}`; `problem`: RFC 9457 `application/problem+json`. */
  readonly errorFormat?: 'fastapi' | 'problem'
  /** Caps on nesting, values, multipart parts and reported issues. */
  readonly limits?: Partial<ValidationLimits>
  /** How errors of given classes become responses. */
  readonly exceptionHandlers?: readonly ExceptionHandler<any>[]
  /**
   * Hears every unexpected error (the client gets a bare 500), teardown and background-task errors
   * included. Defaults to `console.error`.
   */
  readonly onError?: ErrorReporter
  /** Hono middleware run before every route (cors, logger, secure-headers, …). */
  readonly middleware?: readonly MiddlewareHandler[]
  /**
   * A path that matches no route but would with its trailing slash added or removed is answered
   * 307 to that path, query kept (Starlette's `redirect_slashes`). Default `true`.
   */
  readonly redirectSlashes?: boolean
  /** Run once before the first request (or by `app.startup()`). */
  readonly onStartup?: readonly LifespanHook[]
  /** Run by `app.shutdown()`, before app-scoped dependencies are disposed. */
  readonly onShutdown?: readonly LifespanHook[]
  /** Limits of the app's WebSocket routes (`ws()`). */
  readonly websockets?: Partial<WebSocketLimits>
}

const WEBSOCKETS: unique symbol = Symbol('brisk.websockets')

/** The app's WebSocket hub, for the runtime entries (`@brisk/router/node`, `/bun`, …). */
export function websocketHub(app: BriskApp): WebSocketHub {
  return (app as unknown as { [WEBSOCKETS]: WebSocketHub })[WEBSOCKETS]
}

/**
 * A Hono app serving Brisk routes, with every route's metadata readable. `TEnv` is Hono's: its
 * `Bindings` type `c.env` (a Worker's bindings); functions taking any app take `BriskApp`.
 */
export type BriskApp<
  TEnv extends Env = any,
  TRoutes extends readonly RouteNode[] = readonly RouteNode[],
> = Hono<TEnv> & {
  /**
   * The routes and routers as given to `createApp` (Hono's own `routes` is its route table). Their
   * types are what `@brisk/client` reads: each route's method, path and schemas.
   */
  readonly declaredRoutes: TRoutes
  /** Every endpoint with its full metadata, in declaration order. */
  readonly operations: readonly Operation[]
  /** How the app answers invalid input (for documentation: status, body shape, body limit). */
  readonly validation: {
    readonly errorStatus: 400 | 422
    readonly errorFormat: 'fastapi' | 'problem'
    readonly bodyLimit: number
  }
  /** Replaces a dependency for the whole app (tests); returns a function that undoes it. */
  readonly override: Container['override']
  readonly clearOverrides: () => void
  /** Runs the startup hooks and makes eager app-scoped dependencies (else done on first request). */
  readonly startup: () => Promise<void>
  /** Waits for background tasks, runs the shutdown hooks, disposes app-scoped dependencies. */
  readonly shutdown: () => Promise<void>
}

/**
 * Plans routes and routers into a Hono app. Misconfiguration (an undeclared path parameter, a
 * duplicate route, a dependency cycle, a field declared twice) throws here, naming the route.
 *
 * @example
 * const app = createApp({ routes: [get('/', () => ({ hello: 'world' }))] })
 * export default app // Bun, Deno, Workers; on Node: serve(app) from '@brisk/router/node'
 */
export function createApp<
  TEnv extends Env = BlankEnv,
  const TRoutes extends readonly [] | readonly RouteNode[] = readonly RouteNode[],
>(options: AppOptions<TRoutes>): BriskApp<TEnv, TRoutes> {
  const report = options.onError ?? logError
  const container = createContainer({
    onTeardownError: (error) => report(error, { request: undefined, operation: undefined }),
  })
  const validatorOptions: ValidatorOptions = {
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.errorStatus === undefined ? {} : { errorStatus: options.errorStatus }),
    ...(options.errorFormat === undefined ? {} : { errorFormat: options.errorFormat }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(options.lax === undefined ? {} : { lax: options.lax }),
  }
  const pendingTasks: PendingTasks = new Set()
  const runtime = {
    validatorOptions,
    report,
    createScope: container.createScope,
    pendingTasks,
    execution: appExecution(pendingTasks, (error) =>
      report(error, { request: undefined, operation: undefined }),
    ),
  }
  const lifecycle = createLifecycle(
    options.onStartup ?? [],
    options.onShutdown ?? [],
    container,
    pendingTasks,
  )

  const routes: { resolved: ResolvedRoute; graphs: RouteGraphs; plan: RoutePlan }[] = []
  for (const resolved of resolveOperations(
    options.routes,
    options.dependencies,
    options.security,
  )) {
    const all = [...resolved.security, ...resolved.run]
    const hasDependencies = Object.keys(resolved.uses).length > 0 || all.length > 0
    const graphs: RouteGraphs = {
      all: hasDependencies ? container.plan(resolved.uses, all) : undefined,
      security: resolved.security.length > 0 ? container.plan({}, resolved.security) : undefined,
    }
    routes.push({ resolved, graphs, plan: planRoute(resolved, graphs, runtime) })
  }
  const operations: Operation[] = routes.map((route) => route.plan.operation)
  const hasHooks = (options.onStartup ?? []).length > 0
  let needsStartup = hasHooks || routes.some((route) => route.plan.eager)

  // An override changes dependency graphs and so the inputs they declare: every route is planned
  // again at once (a plan that no longer works throws here, and the override is undone).
  const replan = () => {
    const plans = routes.map((route) => planRoute(route.resolved, route.graphs, runtime))
    plans.forEach((plan, index) => {
      routes[index]!.plan = plan
      operations[index] = plan.operation
    })
    needsStartup = hasHooks || plans.some((plan) => plan.eager)
  }
  const changing = (change: () => () => void): (() => void) => {
    const undo = change()
    try {
      replan()
    } catch (error) {
      undo()
      replan()
      throw error
    }
    return () => {
      undo()
      replan()
    }
  }
  const override: Container['override'] = (target, replacement) =>
    changing(() => container.override(target, replacement))
  const clearOverrides = () => {
    container.clearOverrides()
    replan()
  }

  const app = new Hono<TEnv>()
  for (const middleware of options.middleware ?? []) app.use(middleware)
  const byRoute = new Map<string, { plan: RoutePlan }>()
  for (const route of routes) {
    const { method, honoPath } = route.resolved
    byRoute.set(`${method} ${honoPath}`, route)
    const handler: Handler = (c) =>
      !needsStartup || lifecycle.started
        ? runRoute(route.plan, c)
        : lifecycle.startup(runtimeEnvironment(c)).then(() => runRoute(route.plan, c))
    // A WebSocket route runs only for an upgrade sent through the app's hub (426/501 otherwise).
    const upgradeOnly: Handler = (c) =>
      isUpgrading(c.req.raw) ? handler(c, async () => {}) : notUpgraded(c.req.raw)
    app.on(method, honoPath, route.resolved.websocket ? upgradeOnly : handler)
  }
  const operationOf = (c: Context) =>
    byRoute.get(`${c.req.method} ${c.req.routePath}`)?.plan.operation
  app.onError(errorRenderer(options.exceptionHandlers ?? [], report, operationOf))

  const allowed = allowedMethods(operations)
  const redirectSlashes = options.redirectSlashes ?? true
  app.notFound((c) => {
    const methods = allowed(c.req.path)
    if (methods.length === 0) {
      const redirect = redirectSlashes ? slashRedirect(c.req.url, allowed) : undefined
      return redirect ?? c.json({ detail: 'Not Found' }, 404)
    }
    return c.json({ detail: 'Method Not Allowed' }, 405, { allow: methods.join(', ') })
  })
  const limits: WebSocketLimits = {
    maxConnections: 1000,
    maxMessageBytes: 1_048_576,
    idleTimeout: 30,
    highWaterMark: 1_048_576,
    ...options.websockets,
  }
  const hub = createWebSocketHub(
    (request, env, ctx) => app.fetch(request, env as never, ctx as never),
    report,
    limits,
    // The runtime refuses (1009) past the largest message any route takes, before buffering it.
    Math.max(
      limits.maxMessageBytes,
      ...operations.map((operation) => operation.websocket?.maxMessageBytes ?? 0),
    ),
  )
  return Object.assign(app, {
    [WEBSOCKETS]: hub,
    declaredRoutes: options.routes,
    operations,
    validation: {
      errorStatus: options.errorStatus ?? 422,
      errorFormat: options.errorFormat ?? 'fastapi',
      bodyLimit: options.bodyLimit ?? 1_048_576,
    },
    override,
    clearOverrides,
    startup: () => lifecycle.startup(runtimeEnvironment(undefined)),
    // Open sockets first: each closes with 1001 and its request's dependencies are torn down.
    shutdown: async () => {
      await hub.closeAll()
      await lifecycle.shutdown()
    },
  })
}
