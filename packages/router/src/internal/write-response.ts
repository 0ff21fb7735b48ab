/**
 * The response stage: turns what a handler returned into a `Response` — a `Response` as is,
 * `undefined` as an empty answer, a `respond()` reply or a plain value as JSON checked and filtered
 * by its status's schema, an async iterable as a stream — planned once per route.
 */
import type { Context } from 'hono'
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status'
import * as v from 'valibot'
import type { Operation } from '../operation.ts'
import { isReply } from '../respond.ts'
import { ResponseValidationError } from '../response-validation-error.ts'
import { isWebSocketAcceptance } from '../websocket.ts'
import type { ErrorReporter } from './error-renderer.ts'
import { type Exclusion, type FieldFilter, planFieldFilter } from './exclude-fields.ts'
import { isResponse } from './is-response.ts'
import { compileJsonWriter, type JsonWriter } from './json-writer.ts'
import { emptyStream, isAsyncIterable, streamResponse } from './stream-response.ts'
import { acceptUpgrade } from './websocket-hub.ts'

const NO_BODY = new Set([204, 205, 304])

export interface ResponseWriter {
  /**
   * The response for a handler's output; a stream calls `onStreamEnd` once it has ended (with its
   * error when it failed).
   */
  render(
    c: Context,
    output: unknown,
    onStreamEnd?: (failure?: { readonly error: unknown }) => void,
  ): Response
  /** Whether this output becomes a stream, whose end (not the handler's) closes the scope. */
  streams(c: Context, output: unknown): boolean
}

/** Plans the answers of one operation: a schema and a JSON writer per declared status. */
export function planResponse(operation: Operation, report: ErrorReporter): ResponseWriter {
  const schemas = new Map<number, v.GenericSchema>()
  const writers = new Map<number, JsonWriter>()
  const exclusion = exclusionOf(operation)
  const filters = new Map<number, FieldFilter>()
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response.schema) continue
    schemas.set(Number(status), response.schema)
    const filter = exclusion && planFieldFilter(response.schema, exclusion)
    if (filter) filters.set(Number(status), filter)
    // Checks and serializes in one plan, skipping safeParse's bookkeeping (see json below).
    const writer = NO_BODY.has(Number(status))
      ? undefined
      : compileJsonWriter(response.schema, filter)
    if (writer) writers.set(Number(status), writer)
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
      const filter = filters.get(status)
      body = filter ? filter(value, result.output) : result.output
    }
    if (NO_BODY.has(status)) {
      // 204, 205 and 304 cannot carry a body, whatever the handler returned.
      const empty = status as StatusCode
      return headers ? c.body(null, empty, headers) : c.body(null, empty)
    }
    const code = status as ContentfulStatusCode
    return headers ? c.json(body as object, code, headers) : c.json(body as object, code)
  }

  return {
    render(c, output, onStreamEnd) {
      if (isResponse(output)) return output
      if (operation.websocket !== undefined && isWebSocketAcceptance(output)) {
        // The hub that sent this upgrade through the app opens the socket; teardown waits for it.
        acceptUpgrade(c.req.raw, output, onStreamEnd ? () => onStreamEnd() : () => {})
        return c.body(null, 204)
      }
      if (output === undefined) return c.body(null, emptyStatus)
      if (isReply(output)) return json(c, output.status, output.body, output.headers)
      if (stream && isAsyncIterable(output)) {
        // HEAD runs the GET handler but sends no body: stop the producer before it starts.
        if (c.req.method === 'HEAD') return emptyStream(output, stream, operation.status)
        const reportError = (error: unknown) => report(error, { request: c.req.raw, operation })
        return streamResponse(output, stream, operation.status, reportError, onStreamEnd)
      }
      return json(c, operation.status, output)
    },
    streams: (c, output) =>
      (stream !== undefined && c.req.method !== 'HEAD' && isAsyncIterable(output)) ||
      (operation.websocket !== undefined && isWebSocketAcceptance(output)),
  }
}

/** The route's exclude options, or `undefined` (the usual case) when it sets none. */
function exclusionOf(operation: Operation): Exclusion | undefined {
  const { excludeUnset, excludeDefaults, excludeNone } = operation.route.options
  if (!excludeUnset && !excludeDefaults && !excludeNone) return undefined
  if (
    Object.keys(operation.responses).every((status) => !operation.responses[Number(status)]?.schema)
  ) {
    throw new TypeError(
      `Route ${operation.method} ${operation.path}: excludeUnset, excludeDefaults and excludeNone need a response schema (set 'response' or 'responses')`,
    )
  }
  return {
    unset: excludeUnset === true,
    defaults: excludeDefaults === true,
    none: excludeNone === true,
  }
}
