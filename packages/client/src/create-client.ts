/**
 * `createClient`: a typed `fetch` client for a Brisk app, its types read from the app's own type
 * (`createClient<typeof app>`) — no code generation, web `fetch` only.
 */
import type { Method } from '@brisk/router'
import { buildRequest, type CallOptions } from './build-request.ts'
import type { ClientResult } from './client-result.ts'
import type { Endpoint, Endpoints } from './endpoints.ts'
import { readResponse } from './read-response.ts'
import type { RequestArgs } from './request-options.ts'

/** Headers sent with every call; a function is asked before each one (a token that changes). */
export type DefaultHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>)

export interface ClientOptions {
  /** The `fetch` to call (default: the global one); `app.request` calls an app in-process. */
  readonly fetch?: (request: Request) => Response | Promise<Response>
  readonly headers?: DefaultHeaders
}

/** One route's call: what it takes, and every answer it can give. */
export type RouteCall<TOptions, TMethod extends Method> = (
  ...args: RequestArgs<TOptions>
) => Promise<ClientResult<TOptions, TMethod>>

/**
 * The methods served at one path (`get`, `post`, … lowercase; `head` wherever `get` is). Computed
 * only when the path is used.
 */
export type PathClient<TEndpoint> = {
  readonly [TRoute in TEndpoint as TRoute extends Endpoint<infer TMethod, string, unknown>
    ? Lowercase<TMethod>
    : never]: TRoute extends Endpoint<infer TMethod, string, infer TOptions>
    ? RouteCall<TOptions, TMethod>
    : never
} & (TEndpoint extends Endpoint<'GET', string, infer TOptions>
  ? { readonly head: RouteCall<TOptions, 'HEAD'> }
  : unknown)

/** The endpoints by path: the methods of one path come out as a union under its key. */
type ByPath<TEndpoints> = {
  [TEndpoint in TEndpoints as TEndpoint extends Endpoint<Method, infer TPath, unknown>
    ? string extends TPath
      ? never
      : TPath
    : never]: TEndpoint
}

/**
 * A client for the routes of `TApp` (an app, a router, or a list of routes): one entry per path,
 * router prefixes joined; a route whose path is typed only as `string` cannot be addressed.
 */
export type Client<TApp> = PathClients<ByPath<Endpoints<TApp>>>

type PathClients<TByPath> = { readonly [TPath in keyof TByPath]: PathClient<TByPath[TPath]> }

const METHODS: Readonly<Record<string, Method>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
}

/**
 * A client for the app at `baseUrl`, typed from `TApp`: `api[path].method(options)`.
 *
 * @example
 * const api = createClient<typeof app>('http://127.0.0.1:8000')
 * const answer = await api['/items/{item_id}'].get({ params: { item_id: 1 } })
 * if (answer.status === 200) console.log(answer.data.name)
 */
export function createClient<TApp>(
  baseUrl: string | URL,
  options: ClientOptions = {},
): Client<TApp> {
  const base = String(baseUrl)
  const send = options.fetch ?? ((request: Request) => fetch(request))
  const defaults = options.headers
  const call =
    (method: Method, path: string) =>
    async (callOptions: CallOptions = {}) => {
      const headers = new Headers(typeof defaults === 'function' ? await defaults() : defaults)
      const response = await send(buildRequest(base, method, path, callOptions, headers))
      return { status: response.status, data: await readResponse(response, method), response }
    }
  // Any path gives its methods (the types say which exist); each is made once.
  const paths = new Map<string, object>()
  const pathClient = (path: string) => {
    let methods = paths.get(path)
    if (methods === undefined) {
      methods = Object.fromEntries(
        Object.entries(METHODS).map(([name, method]) => [name, call(method, path)]),
      )
      paths.set(path, methods)
    }
    return methods
  }
  return new Proxy(Object.create(null) as object, {
    get: (_target, path) => (typeof path === 'string' ? pathClient(path) : undefined),
  }) as Client<TApp>
}
