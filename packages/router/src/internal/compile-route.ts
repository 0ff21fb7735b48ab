import {
  createValidator,
  type ValidationResult,
  type ValidatorOptions,
  validationErrorResponse,
} from '@brisk/validator'
import type { Context, Handler as HonoHandler } from 'hono'
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status'
import * as v from 'valibot'
import type { Operation } from '../operation.ts'
import { isReply } from '../respond.ts'
import { ResponseValidationError } from '../response-validation-error.ts'
import type { ErrorReporter } from './error-renderer.ts'
import { hasMalformedPath, malformedPathDetail } from './malformed-path.ts'
import { isAsyncIterable, streamResponse } from './stream-response.ts'

const NO_INPUTS = Object.freeze({
  params: Object.freeze({}),
  query: Object.freeze({}),
  headers: Object.freeze({}),
  cookies: Object.freeze({}),
  body: undefined,
})

type Inputs =
  | typeof NO_INPUTS
  | Record<'params' | 'query' | 'headers' | 'cookies' | 'body', unknown>

/**
 * Plans one route once, at startup — validator, response schemas, streaming — and returns the Hono
 * handler that runs the plan per request. A sync handler with no body stays sync end to end.
 */
export function compileRoute(
  operation: Operation,
  validatorOptions: ValidatorOptions,
  report: ErrorReporter,
): HonoHandler {
  const handler = operation.route.handler
  const hasInputs = Object.keys(operation.inputs).length > 0
  const validator = hasInputs
    ? createValidator(operation.inputs, {
        ...validatorOptions,
        ...(operation.bodyLimit === undefined ? {} : { bodyLimit: operation.bodyLimit }),
      })
    : undefined
  const hasParams = operation.inputs.params !== undefined
  const schemas = new Map<number, v.GenericSchema>()
  for (const [status, response] of Object.entries(operation.responses)) {
    if (response.schema) schemas.set(Number(status), response.schema)
  }
  const stream = operation.stream
  const emptyStatus = (operation.status === 200 ? 204 : operation.status) as StatusCode

  const json = (c: Context, status: number, value: unknown, headers?: Record<string, string>) => {
    const schema = schemas.get(status)
    let body = value
    if (schema) {
      const result = v.safeParse(schema, value)
      if (!result.success) throw new ResponseValidationError(operation, status, result.issues)
      body = result.output
    }
    const code = status as ContentfulStatusCode
    return headers ? c.json(body as object, code, headers) : c.json(body as object, code)
  }

  const render = (c: Context, output: unknown): Response => {
    if (output instanceof Response) return output
    if (output === undefined) return c.body(null, emptyStatus)
    if (isReply(output)) return json(c, output.status, output.body, output.headers)
    if (stream && isAsyncIterable(output)) {
      const reportError = (error: unknown) => report(error, { request: c.req.raw, operation })
      return streamResponse(output, stream, operation.status, reportError)
    }
    return json(c, operation.status, output)
  }

  const run = (c: Context, inputs: Inputs): Response | Promise<Response> => {
    const output = handler({ ...inputs, request: c.req.raw, c })
    return output instanceof Promise ? output.then((value) => render(c, value)) : render(c, output)
  }

  const afterValidation = (c: Context, result: ValidationResult<unknown>) =>
    result.ok ? run(c, result.value as Inputs) : validationErrorResponse(result, validatorOptions)

  if (!validator) return (c) => run(c, NO_INPUTS)
  return (c) => {
    if (hasParams && hasMalformedPath(c.req.url)) {
      return c.json({ detail: malformedPathDetail }, 400)
    }
    const result = validator.validate(c.req.raw, hasParams ? c.req.param() : undefined)
    return result instanceof Promise
      ? result.then((settled) => afterValidation(c, settled))
      : afterValidation(c, result)
  }
}
