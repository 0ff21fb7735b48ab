import type { DependencyPlan, RequestScope, Uses } from '@brisk/di'
import {
  createValidator,
  type InputSpec,
  type RequestValidator,
  type ValidationResult,
  type ValidatorOptions,
  validationErrorResponse,
} from '@brisk/validator'
import type { Context } from 'hono'
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status'
import * as v from 'valibot'
import type { Operation } from '../operation.ts'
import { isReply } from '../respond.ts'
import { ResponseValidationError } from '../response-validation-error.ts'
import type { BackgroundTask } from '../types.ts'
import { type PendingTasks, runInBackground } from './background.ts'
import type { ErrorReporter } from './error-renderer.ts'
import { isResponse } from './is-response.ts'
import { compileJsonWriter, type JsonWriter } from './json-writer.ts'
import { hasMalformedPath, malformedPathDetail } from './malformed-path.ts'
import { rawRequestOf } from './raw-request.ts'
import { emptyStream, isAsyncIterable, streamResponse } from './stream-response.ts'

const NO_INPUTS = Object.freeze({
  params: Object.freeze({}),
  query: Object.freeze({}),
  headers: Object.freeze({}),
  cookies: Object.freeze({}),
  body: undefined,
})

const NO_BODY = new Set([204, 205, 304])

type Inputs = Record<'params' | 'query' | 'headers' | 'cookies' | 'body', unknown>

export interface RouteRuntime {
  readonly validatorOptions: ValidatorOptions
  readonly report: ErrorReporter
  readonly createScope: (inputs: unknown) => RequestScope
  readonly pendingTasks: PendingTasks
}

/** Per-request state beyond the inputs: scheduled background tasks. */
interface Extras {
  tasks: BackgroundTask[] | undefined
}

/**
 * Plans one route once, at startup — validator, dependencies, response schemas, streaming — and
 * returns the Hono handler that runs the plan per request. A sync handler with no body and no
 * dependencies stays sync end to end.
 */
export function compileRoute(
  operation: Operation,
  plan: DependencyPlan<Uses> | undefined,
  security: { plan: DependencyPlan<Uses>; inputs: InputSpec } | undefined,
  runtime: RouteRuntime,
): (c: Context) => Response | Promise<Response> {
  const { validatorOptions, report } = runtime
  const handler = operation.route.handler
  const hasInputs = Object.keys(operation.inputs).length > 0
  const validator = hasInputs
    ? createValidator(operation.inputs, {
        ...validatorOptions,
        ...(operation.bodyLimit === undefined ? {} : { bodyLimit: operation.bodyLimit }),
      })
    : undefined
  const hasParams = operation.inputs.params !== undefined
  const securityValidator =
    security && Object.keys(security.inputs).length > 0
      ? createValidator(security.inputs, validatorOptions)
      : undefined
  const schemas = new Map<number, v.GenericSchema>()
  for (const [status, response] of Object.entries(operation.responses)) {
    if (response.schema) schemas.set(Number(status), response.schema)
  }
  // Checks and serializes in one plan per status, skipping safeParse's bookkeeping (see json).
  const writers = new Map<number, JsonWriter>()
  for (const [status, schema] of schemas) {
    const writer = NO_BODY.has(status) ? undefined : compileJsonWriter(schema)
    if (writer) writers.set(status, writer)
  }
  const stream = operation.stream
  const emptyStatus = (operation.status === 200 ? 204 : operation.status) as StatusCode

  const json = (c: Context, status: number, value: unknown, headers?: Record<string, string>) => {
    const schema = schemas.get(status)
    let body = value
    if (schema) {
      // Valid → the writer's JSON, byte for byte what c.json would send. Otherwise (invalid, or
      // a value with no JSON text) safeParse decides, as without a writer, and names the issues.
      const text = writers.get(status)?.(value)
      if (text !== undefined) {
        const code = status as ContentfulStatusCode
        // A fresh object each time, as c.json makes: @hono/node-server adds Content-Length to it.
        const jsonType = { 'Content-Type': 'application/json' }
        return c.body(text, code, headers ? { ...jsonType, ...headers } : jsonType)
      }
      const result = v.safeParse(schema, value)
      if (!result.success) throw new ResponseValidationError(operation, status, result.issues)
      body = result.output
    }
    if (NO_BODY.has(status)) {
      // 204, 205 and 304 cannot carry a body, whatever the handler returned.
      const empty = status as StatusCode
      return headers ? c.body(null, empty, headers) : c.body(null, empty)
    }
    const code = status as ContentfulStatusCode
    return headers ? c.json(body as object, code, headers) : c.json(body as object, code)
  }

  /** Whether a handler's output becomes a stream, whose end (not the handler's) closes the scope. */
  const streams = (c: Context, output: unknown) =>
    stream !== undefined && c.req.method !== 'HEAD' && isAsyncIterable(output)

  const reporterFor = (c: Context) => (error: unknown) =>
    report(error, { request: c.req.raw, operation })

  const render = (c: Context, output: unknown, onStreamEnd?: () => void): Response => {
    if (isResponse(output)) return output
    if (output === undefined) return c.body(null, emptyStatus)
    if (isReply(output)) return json(c, output.status, output.body, output.headers)
    if (stream && isAsyncIterable(output)) {
      // HEAD runs the GET handler but sends no body: stop the producer before it starts.
      if (c.req.method === 'HEAD') return emptyStream(output, stream, operation.status)
      return streamResponse(output, stream, operation.status, reporterFor(c), onStreamEnd)
    }
    return json(c, operation.status, output)
  }

  // Fields listed, not spread: `{ ...inputs, c }` takes V8's slow path (~1 µs on Node 20).
  const contextFor = (c: Context, inputs: Inputs, deps: unknown, extras: Extras) => ({
    params: inputs.params,
    query: inputs.query,
    headers: inputs.headers,
    cookies: inputs.cookies,
    body: inputs.body,
    deps,
    request: c.req.raw,
    c,
    background: (task: BackgroundTask) => {
      extras.tasks ??= []
      extras.tasks.push(task)
    },
  })

  const afterResponse = (c: Context, extras: Extras) => {
    if (extras.tasks) runInBackground(c, extras.tasks, reporterFor(c), runtime.pendingTasks)
  }

  const runPlain = (c: Context, inputs: Inputs): Response | Promise<Response> => {
    const extras: Extras = { tasks: undefined }
    const output = handler(contextFor(c, inputs, {}, extras))
    if (output instanceof Promise) {
      return output.then((value) => {
        const response = render(c, value)
        afterResponse(c, extras)
        return response
      })
    }
    const response = render(c, output)
    afterResponse(c, extras)
    return response
  }

  // With dependencies: teardown runs once the response is produced (for a stream, once it ends),
  // whether the handler returned, threw, or a dependency failed.
  const runWithDependencies = async (c: Context, validated?: Inputs): Promise<Response> => {
    // Unvalidated: the security dependencies go first (see `authenticate`); the inputs object is
    // filled in as each phase validates.
    const inputs: Inputs = validated ?? { ...NO_INPUTS }
    const scope = runtime.createScope(inputs)
    const extras: Extras = { tasks: undefined }
    let streaming = false
    let responded = false
    let failure: { error: unknown } | undefined
    try {
      if (!validated) {
        const refused = await authenticate(c, scope, inputs)
        if (refused) return refused
      }
      // Await only what is pending: a sync graph or handler should not pay for microtask turns.
      let deps = plan!.resolve(scope)
      if (deps instanceof Promise) deps = await deps
      let output = handler(contextFor(c, inputs, deps, extras))
      if (output instanceof Promise) output = await output
      // Only a streaming route needs the stream-end callback: no closure per request otherwise.
      const onStreamEnd =
        stream === undefined
          ? undefined
          : () => {
              void scope.close().then(() => afterResponse(c, extras))
            }
      const response = render(c, output, onStreamEnd)
      streaming = streams(c, output)
      responded = true
      return response
    } catch (error) {
      failure = { error } // generator dependencies see it at their `yield` (commit vs rollback)
      throw error
    } finally {
      if (!streaming) {
        if (scope.pendingCleanups > 0) await scope.close(failure)
        if (responded) afterResponse(c, extras)
      }
    }
  }

  const validate = async (c: Context, check: RequestValidator<InputSpec>, into: Inputs) => {
    let result = check.validate(c.req.raw, hasParams ? c.req.param() : undefined, rawRequestOf(c))
    if (result instanceof Promise) result = await result
    if (!result.ok) return validationErrorResponse(result, validatorOptions)
    Object.assign(into, result.value)
    return undefined
  }

  // Security first, as FastAPI solves its security dependencies: only their own inputs are read
  // before they run, so an unauthenticated request gets its 401 without the route's body being
  // read or its fields listed in a 422.
  const authenticate = async (c: Context, scope: RequestScope, into: Inputs) => {
    if (securityValidator) {
      const refused = await validate(c, securityValidator, into)
      if (refused) return refused
    }
    const resolved = security!.plan.resolve(scope)
    if (resolved instanceof Promise) await resolved
    return validator ? validate(c, validator, into) : undefined
  }

  const run = plan ? runWithDependencies : runPlain

  const afterValidation = (c: Context, result: ValidationResult<unknown>) =>
    result.ok ? run(c, result.value as Inputs) : validationErrorResponse(result, validatorOptions)

  if (security) {
    return (c) =>
      hasParams && hasMalformedPath(c.req.url)
        ? c.json({ detail: malformedPathDetail }, 400)
        : runWithDependencies(c)
  }
  if (!validator) return (c) => run(c, NO_INPUTS)
  return (c) => {
    if (hasParams && hasMalformedPath(c.req.url)) {
      return c.json({ detail: malformedPathDetail }, 400)
    }
    const result = validator.validate(
      c.req.raw,
      hasParams ? c.req.param() : undefined,
      rawRequestOf(c),
    )
    return result instanceof Promise
      ? result.then((settled) => afterValidation(c, settled))
      : afterValidation(c, result)
  }
}
