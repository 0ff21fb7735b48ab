import type { Context } from 'hono'

/** Keys under which a scoped request's inputs carry what the built-in dependencies read. */
export const REQUEST_CONTEXT: unique symbol = Symbol('brisk.requestContext')
export const APP_EXECUTION: unique symbol = Symbol('brisk.appExecution')

/** What a request may hand work to once its response is sent (`executionContext`'s value). */
export interface RequestExecution {
  /** Keeps the runtime alive for `promise`: a Worker's `waitUntil`; elsewhere `app.shutdown()` waits for it. */
  waitUntil(promise: Promise<unknown>): void
}

/** What `currentRequest` and `executionContext` read from a scoped request's inputs. */
export interface HostInputs {
  readonly [REQUEST_CONTEXT]: Context
  readonly [APP_EXECUTION]: RequestExecution
}
