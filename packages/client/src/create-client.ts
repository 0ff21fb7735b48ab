/**
 * `createClient`: a typed `fetch` client for a Brisk app, its types read from the app's own type
 * (`createClient<typeof app>`) — no code generation, web `fetch` only.
 */
import type { Method } from '@brisk/router'
import { buildRequest, type CallOptions } from './build-request.ts'
import type { ClientResult } from './client-result.ts'
import type { Endpoints, PathMap } from './endpoints.ts'
import { readResponse } from './read-response.ts'
import type { RequestArgs } from './request-options.ts'

/** Headers sent with every call; a function is asked before each one (a token that changes). */
export type DefaultHeaders = HeadersInit | (() => HeadersInit | Promise<HeadersInit>)

export interface ClientOptions {
  /** The `fetch` to call (default: the global one); `app.request` calls an app in-process. */
  readonly fetch?: (request: Request) => Response | Promise<Response>
  readonly headers?: DefaultHeaders
}

/** One HTTP method's calls: a path of the app, then what that route takes. */
type Call<TPaths, TMethod extends Method> = <TPath extends keyof TPaths & string>(
  path: TPath,
  ...args: RequestArgs<TPaths[TPath]>
) => Promise<ClientResult<TPaths[TPath], TMethod>>

/** A client for the routes of `TApp` (an app, a router, or a list of routes). */
export interface Client<TApp> {
  readonly get: Call<PathMap<Endpoints<TApp>, 'GET'>, 'GET'>
  readonly post: Call<PathMap<Endpoints<TApp>, 'POST'>, 'POST'>
  readonly put: Call<PathMap<Endpoints<TApp>, 'PUT'>, 'PUT'>
  readonly patch: Call<PathMap<Endpoints<TApp>, 'PATCH'>, 'PATCH'>
  readonly delete: Call<PathMap<Endpoints<TApp>, 'DELETE'>, 'DELETE'>
  /** `GET` routes answer `HEAD` too: their headers, no body. */
  readonly head: Call<PathMap<Endpoints<TApp>, 'GET' | 'HEAD'>, 'HEAD'>
  readonly options: Call<PathMap<Endpoints<TApp>, 'OPTIONS'>, 'OPTIONS'>
}

/**
 * A client for the app at `baseUrl`, typed from `TApp`.
 *
 * @example
 * const api = createClient<typeof app>('http://127.0.0.1:8000')
 * const answer = await api.get('/items/{item_id}', { params: { item_id: 1 } })
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
    (method: Method) =>
    async (path: string, callOptions: CallOptions = {}) => {
      const headers = new Headers(typeof defaults === 'function' ? await defaults() : defaults)
      const response = await send(buildRequest(base, method, path, callOptions, headers))
      return { status: response.status, data: await readResponse(response, method), response }
    }
  return {
    get: call('GET'),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    delete: call('DELETE'),
    head: call('HEAD'),
    options: call('OPTIONS'),
  } as unknown as Client<TApp>
}
