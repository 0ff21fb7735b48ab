/**
 * `requestLogger`: one line per request (method, path, status, duration, request id), as Hono
 * middleware or around any `fetch` — plain text for people, JSON lines for log collectors.
 */
import type { MiddlewareHandler } from 'hono'

/** What one logged request says. */
export interface RequestLogEntry {
  readonly method: string
  /** The URL's path, without the query (query strings often carry tokens). */
  readonly path: string
  readonly status: number
  /** Milliseconds until the handler returned the response (for a stream: until its headers). */
  readonly durationMs: number
  /** The incoming `x-request-id` when it looks like an id, else a new UUID; echoed on the response. */
  readonly requestId: string
}

export interface RequestLoggerOptions {
  /** `plain` (default): `GET /items/1 200 1.2ms id=…`; `json`: one JSON object per line. */
  readonly format?: 'plain' | 'json'
  /** Where lines go (default `console.log`). */
  readonly write?: (line: string) => void
  /** Header read and answered with the request id (default `x-request-id`; `false`: always new, not sent). */
  readonly requestIdHeader?: string | false
}

// An incoming id is trusted only when it cannot break a log line or a header.
const SAFE_ID = /^[\w.:-]{1,128}$/

/**
 * Hono middleware logging every request it sees; put it first in `createApp({ middleware })`.
 *
 * @example
 * import { createApp, requestLogger } from '@brisk/router'
 * const app = createApp({ routes, middleware: [requestLogger({ format: 'json' })] })
 */
export function requestLogger(options: RequestLoggerOptions = {}): MiddlewareHandler {
  const start = logStart(options)
  return async (c, next) => {
    const finish = start(c.req.raw)
    await next()
    c.res = finish(c.res)
  }
}

/**
 * Wraps a `fetch` function (an app's, a Worker's) so that every request it answers is logged, for
 * servers that own the process — `brisk dev` and `brisk run` use it. A thrown error is logged as 500
 * and rethrown.
 *
 * @example
 * Bun.serve({ fetch: logRequests(app.fetch) })
 */
export function logRequests<
  TFetch extends (request: Request, ...rest: any[]) => Response | Promise<Response>,
>(fetch: TFetch, options: RequestLoggerOptions = {}): TFetch {
  const start = logStart(options)
  const logged = async (request: Request, ...rest: unknown[]) => {
    const finish = start(request)
    let response: Response
    try {
      response = await fetch(request, ...rest)
    } catch (error) {
      finish(new Response(null, { status: 500 }))
      throw error
    }
    return finish(response)
  }
  return logged as TFetch
}

/** Formats an entry the way `requestLogger` writes it. */
export function formatRequestLog(entry: RequestLogEntry, format: 'plain' | 'json'): string {
  const duration = Math.round(entry.durationMs * 10) / 10
  if (format === 'json')
    return JSON.stringify({
      time: new Date().toISOString(),
      method: entry.method,
      path: entry.path,
      status: entry.status,
      duration_ms: duration,
      request_id: entry.requestId,
    })
  return `${entry.method} ${entry.path} ${entry.status} ${duration}ms id=${entry.requestId}`
}

function logStart(options: RequestLoggerOptions) {
  const write = options.write ?? ((line: string) => console.log(line))
  const format = options.format ?? 'plain'
  const header = options.requestIdHeader ?? 'x-request-id'
  return (request: Request) => {
    const began = performance.now()
    const incoming = header === false ? null : request.headers.get(header)
    const requestId = incoming !== null && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID()
    const url = request.url
    const pathStart = url.indexOf('/', url.indexOf('//') + 2)
    const path = pathStart < 0 ? '/' : url.slice(pathStart).split(/[?#]/, 1)[0]!
    return (response: Response): Response => {
      const entry = {
        method: request.method,
        path,
        status: response.status,
        durationMs: performance.now() - began,
        requestId,
      }
      write(formatRequestLog(entry, format))
      return header === false ? response : withHeader(response, header, requestId)
    }
  }
}

/** Sets a header, copying the response when its headers are immutable (e.g. from `fetch`). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value)
    return response
  } catch {
    const copy = new Response(response.body, response)
    copy.headers.set(name, value)
    return copy
  }
}
