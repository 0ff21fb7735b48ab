import type { ValidationLimits, ValidatorOptions } from '@brisk/validator'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { ExceptionHandler } from './exception-handler.ts'
import { allowedMethods } from './internal/allowed-methods.ts'
import { compileRoute } from './internal/compile-route.ts'
import { type ErrorReporter, errorRenderer, logError } from './internal/error-renderer.ts'
import { resolveOperations } from './internal/resolve-operations.ts'
import type { Operation } from './operation.ts'
import type { RouteNode } from './types.ts'

export interface AppOptions {
  /** The routes and routers the app serves. */
  readonly routes: readonly RouteNode[]
  /** Largest request body read, in bytes (default 1 MiB); routes and routers may set their own. */
  readonly bodyLimit?: number
  /** Status of a validation failure: 422 (default, as FastAPI) or 400. */
  readonly errorStatus?: 400 | 422
  /** `fastapi` (default): `{"detail":[...]}`; `problem`: RFC 9457 `application/problem+json`. */
  readonly errorFormat?: 'fastapi' | 'problem'
  /** Caps on nesting, values, multipart parts and reported issues. */
  readonly limits?: Partial<ValidationLimits>
  /** How errors of given classes become responses. */
  readonly exceptionHandlers?: readonly ExceptionHandler<any>[]
  /** Hears every unexpected error (the client gets a bare 500). Defaults to `console.error`. */
  readonly onError?: ErrorReporter
  /** Hono middleware run before every route (cors, logger, secure-headers, …). */
  readonly middleware?: readonly MiddlewareHandler[]
}

/** A Hono app serving Brisk routes, with every route's metadata readable. */
export type BriskApp = Hono & {
  /** Every endpoint with its full metadata, in declaration order. */
  readonly operations: readonly Operation[]
}

/**
 * Compiles routes and routers into a Hono app. Misconfiguration (an undeclared path parameter, a
 * duplicate route) throws here, naming the route.
 *
 * @example
 * const app = createApp({ routes: [get('/', () => ({ hello: 'world' }))] })
 * export default app // Bun, Deno, Workers; on Node: serve({ fetch: app.fetch, port: 8000 })
 */
export function createApp(options: AppOptions): BriskApp {
  const operations = resolveOperations(options.routes)
  const validatorOptions: ValidatorOptions = {
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.errorStatus === undefined ? {} : { errorStatus: options.errorStatus }),
    ...(options.errorFormat === undefined ? {} : { errorFormat: options.errorFormat }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  }
  const report = options.onError ?? logError
  const app = new Hono()
  for (const middleware of options.middleware ?? []) app.use(middleware)
  for (const operation of operations) {
    app.on(operation.method, operation.honoPath, compileRoute(operation, validatorOptions, report))
  }

  const byRoute = new Map(operations.map((op) => [`${op.method} ${op.honoPath}`, op]))
  const operationOf = (c: Context) => byRoute.get(`${c.req.method} ${c.req.routePath}`)
  app.onError(errorRenderer(options.exceptionHandlers ?? [], report, operationOf))

  const allowed = allowedMethods(operations)
  app.notFound((c) => {
    const methods = allowed(c.req.path)
    if (methods.length === 0) return c.json({ detail: 'Not Found' }, 404)
    return c.json({ detail: 'Method Not Allowed' }, 405, { allow: methods.join(', ') })
  })
  return Object.assign(app, { operations })
}
