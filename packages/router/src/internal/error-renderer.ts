import type { Context, ErrorHandler } from 'hono'
import { HTTPException as HonoHTTPException } from 'hono/http-exception'
import { type ExceptionHandler, findExceptionHandler } from '../exception-handler.ts'
import { HTTPException } from '../http-exception.ts'
import type { Operation } from '../operation.ts'

export type ErrorReporter = (
  error: unknown,
  info: {
    /** The request being served; undefined for app-level work (app-scoped teardown). */
    readonly request: Request | undefined
    readonly operation: Operation | undefined
  },
) => void

/** Where unexpected errors go when the app sets no hook: the console, like any server log. */
export const logError: ErrorReporter = (error, { request, operation }) => {
  const where = operation
    ? `${operation.method} ${operation.path}`
    : request
      ? `${request.method} ${request.url}`
      : 'app'
  console.error(`[brisk] ${where} failed:`, error)
}

/**
 * Turns anything thrown into a response: registered exception handlers first (most specific class),
 * then `HTTPException`s (Brisk's and Hono's), else a bare 500 reported to the error hook.
 */
export function errorRenderer(
  handlers: readonly ExceptionHandler<any>[],
  report: ErrorReporter,
  operationOf: (c: Context) => Operation | undefined,
): ErrorHandler {
  const byClass = new Map<unknown, ExceptionHandler<any>>(handlers.map((h) => [h.errorClass, h]))

  const internalError = (error: unknown, c: Context): Response => {
    try {
      report(error, { request: c.req.raw, operation: operationOf(c) })
    } catch (hookError) {
      logError(hookError, { request: c.req.raw, operation: undefined })
    }
    return c.json({ detail: 'Internal Server Error' }, 500)
  }

  return (error, c) => {
    const handler = findExceptionHandler(byClass, error)
    if (handler) {
      try {
        const response = handler.handle(error, c)
        return response instanceof Promise
          ? response.catch((handlerError) => internalError(handlerError, c))
          : response
      } catch (handlerError) {
        return internalError(handlerError, c)
      }
    }
    if (error instanceof HTTPException) return error.toResponse()
    if (error instanceof HonoHTTPException) return error.getResponse()
    return internalError(error, c)
  }
}
