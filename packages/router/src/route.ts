/** Routes as values: `get`, `post`, … and `route(method, …)`, each a plain object. */
import type { Handler, Method, Route, RouteOptions } from './types.ts'

/**
 * Makes a route value. Prefer the method helpers (`get`, `post`, …).
 *
 * @example
 * const ping = route('GET', '/ping', {}, () => ({ ok: true }))
 */
export function route<const TOptions extends RouteOptions>(
  method: Method,
  path: string,
  options: TOptions,
  handler: Handler<TOptions>,
): Route<TOptions> {
  return { kind: 'route', method, path, options, handler }
}

/** A route with nothing declared: no inputs, no schemas. */
type NoOptions = Record<never, never>

interface MethodHelper {
  <const TOptions extends RouteOptions>(
    path: string,
    options: TOptions,
    handler: Handler<TOptions>,
  ): Route<TOptions>
  (path: string, handler: Handler<NoOptions>): Route<NoOptions>
}

function methodHelper(method: Method): MethodHelper {
  return (path: string, optionsOrHandler: RouteOptions | Handler<any>, handler?: Handler<any>) =>
    typeof optionsOrHandler === 'function'
      ? route(method, path, {}, optionsOrHandler)
      : route(method, path, optionsOrHandler, handler as Handler<any>)
}

/**
 * A `GET` route.
 *
 * @example
 * const readItem = get('/items/{id}', { params: { id: v.number() } }, ({ params }) => ({ id: params.id }))
 */
export const get: MethodHelper = methodHelper('GET')
/** A `POST` route. */
export const post: MethodHelper = methodHelper('POST')
/** A `PUT` route. */
export const put: MethodHelper = methodHelper('PUT')
/** A `PATCH` route. */
export const patch: MethodHelper = methodHelper('PATCH')
/** A `DELETE` route (`delete` is a reserved word). */
export const del: MethodHelper = methodHelper('DELETE')
/** A `HEAD` route (`GET` routes answer `HEAD` already). */
export const head: MethodHelper = methodHelper('HEAD')
/** An `OPTIONS` route. */
export const options: MethodHelper = methodHelper('OPTIONS')
