/**
 * `currentRequest` and `executionContext`: the request itself and its runtime's execution
 * context, as request-scoped dependencies.
 */
import { type Dependency, dependency } from '@brisk/di'
import { workersExecutionContext } from './internal/background.ts'
import {
  APP_EXECUTION,
  type HostInputs,
  REQUEST_CONTEXT,
  type RequestExecution,
} from './internal/host.ts'

export type { RequestExecution }

/**
 * The web-standard `Request` being served (as FastAPI's `request: Request`). Prefer declared
 * inputs for what you validate; this is for the rest (the URL, the raw body stream, signals).
 *
 * @example
 * const clientIp = dependency({ uses: { request: currentRequest } }, ({ request }) => request.headers.get('x-forwarded-for'))
 */
export const currentRequest: Dependency<Request> = dependency(
  { name: 'currentRequest' },
  (_, { inputs }) => (inputs as HostInputs)[REQUEST_CONTEXT].req.raw,
)

/**
 * The request's execution context: on Workers the runtime's own (`waitUntil`,
 * `passThroughOnException`); on Node, Bun and Deno one whose `waitUntil` keeps the work among the
 * app's background tasks — `app.shutdown()` waits for it and a rejection reaches `onError`.
 *
 * @example
 * const audit = dependency({ uses: { execution: executionContext } }, ({ execution }) => (entry: string) =>
 *   execution.waitUntil(fetch('https://audit.example', { method: 'POST', body: entry })))
 */
export const executionContext: Dependency<RequestExecution> = dependency(
  { name: 'executionContext' },
  (_, { inputs }) =>
    workersExecutionContext((inputs as HostInputs)[REQUEST_CONTEXT]) ??
    (inputs as HostInputs)[APP_EXECUTION],
)
