/** `exceptionHandler`: how errors of a given class become responses, most specific class first. */
import type { Context } from 'hono'

/** Renders one class of errors (and its subclasses) to a response. */
export interface ExceptionHandler<TError extends Error = Error> {
  readonly errorClass: abstract new (...args: any[]) => TError
  readonly handle: (error: TError, c: Context) => Response | Promise<Response>
}

/**
 * Registers how an error class is turned into a response; the most specific class wins.
 *
 * @example
 * exceptionHandler(NotFoundError, (error, c) => c.json({ detail: error.message }, 404))
 */
export function exceptionHandler<TError extends Error>(
  errorClass: abstract new (...args: any[]) => TError,
  handle: (error: TError, c: Context) => Response | Promise<Response>,
): ExceptionHandler<TError> {
  return { errorClass, handle }
}

/** Finds the handler for the nearest class in the error's prototype chain. */
export function findExceptionHandler(
  handlers: ReadonlyMap<unknown, ExceptionHandler<any>>,
  error: unknown,
): ExceptionHandler<any> | undefined {
  if (handlers.size === 0 || typeof error !== 'object' || error === null) return undefined
  for (let proto = Object.getPrototypeOf(error); proto; proto = Object.getPrototypeOf(proto)) {
    const handler = handlers.get(proto.constructor)
    if (handler) return handler
  }
  return undefined
}
