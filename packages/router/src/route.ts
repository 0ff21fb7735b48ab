/** Routes as values: `get`, `post`, … and `route(method, …)`, each a plain object. */
import type { Handler, Method, Route, RouteOptions } from './types.ts'

/**
 * Makes a route value. Prefer the method helpers (`get`, `post`, …).
 *
 * @example
 * const ping = route('GET', '/ping', {}, () => ({ ok: true }))
 */
export function route<
  const TOptions extends RouteOptions,
  TMethod extends Method,
  TPath extends string,
>(
  method: TMethod,
  path: TPath,
  options: TOptions,
  handler: Handler<TOptions>,
): Route<TOptions, TMethod, TPath> {
  return { kind: 'route', method, path, options, handler }
}

/** A route with nothing declared: no inputs, no schemas. */
type NoOptions = Record<never, never>

interface MethodHelper<TMethod extends Method> {
  <TPath extends string, const TOptions extends RouteOptions>(
    path: TPath,
    options: TOptions,
    handler: Handler<TOptions>,
  ): Route<TOptions, TMethod, TPath>
  <TPath extends string>(path: TPath, handler: Handler<NoOptions>): Route<NoOptions, TMethod, TPath>
}

function methodHelper<TMethod extends Method>(method: TMethod): MethodHelper<TMethod> {
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
export const get: MethodHelper<'GET'> = methodHelper('GET')
/** A `POST` route. */
export const post: MethodHelper<'POST'> = methodHelper('POST')
/** A `PUT` route. */
export const put: MethodHelper<'PUT'> = methodHelper('PUT')
/** A `PATCH` route. */
export const patch: MethodHelper<'PATCH'> = methodHelper('PATCH')
/** A `DELETE` route (`delete` is a reserved word). */
export const del: MethodHelper<'DELETE'> = methodHelper('DELETE')
/** A `HEAD` route (`GET` routes answer `HEAD` already). */
export const head: MethodHelper<'HEAD'> = methodHelper('HEAD')
/** An `OPTIONS` route. */
export const options: MethodHelper<'OPTIONS'> = methodHelper('OPTIONS')
