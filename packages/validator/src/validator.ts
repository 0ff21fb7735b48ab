/**
 * `validator` adapts `createValidator` to plain Hono apps as a middleware; handlers read the
 * results with `c.req.valid(...)`.
 */
import type { Env, MiddlewareHandler, ValidationTargets } from 'hono'
import type * as v from 'valibot'
import { createValidator } from './create-validator.ts'
import { cachedBody } from './internal/read-body.ts'
import type { FieldSchemas, InferInputs, InputSpec, ValidatorOptions } from './types.ts'
import { validationErrorResponse } from './validation-error-response.ts'

type InferLocationInput<TLocation> = TLocation extends v.GenericSchema
  ? v.InferInput<TLocation>
  : TLocation extends FieldSchemas
    ? v.InferInput<v.ObjectSchema<TLocation, undefined>>
    : never

/** String-typed inputs as a client (e.g. `hc`) would send them. */
type StringInputs<TLocation, TTarget extends keyof ValidationTargets> = {
  [TKey in keyof InferLocationInput<TLocation>]: ValidationTargets[TTarget][string]
}

/** The Hono target the body is stored under. */
export type BodyTarget<TSpec extends InputSpec> = TSpec extends {
  readonly bodyType: 'form' | 'multipart'
}
  ? 'form'
  : 'json'

type Declares<TSpec, TKey extends keyof InputSpec> = TSpec extends { readonly [K in TKey]: unknown }
  ? true
  : false

type InOf<TSpec extends InputSpec> = object &
  (Declares<TSpec, 'params'> extends true
    ? { param: StringInputs<NonNullable<TSpec['params']>, 'param'> }
    : unknown) &
  (Declares<TSpec, 'query'> extends true
    ? { query: StringInputs<NonNullable<TSpec['query']>, 'query'> }
    : unknown) &
  (Declares<TSpec, 'headers'> extends true
    ? { header: StringInputs<NonNullable<TSpec['headers']>, 'header'> }
    : unknown) &
  (Declares<TSpec, 'cookies'> extends true
    ? { cookie: StringInputs<NonNullable<TSpec['cookies']>, 'cookie'> }
    : unknown) &
  (Declares<TSpec, 'body'> extends true
    ? { [TKey in BodyTarget<TSpec>]: InferLocationInput<NonNullable<TSpec['body']>> }
    : unknown)

type OutOf<
  TSpec extends InputSpec,
  TInputs extends InferInputs<TSpec> = InferInputs<TSpec>,
> = object &
  (Declares<TSpec, 'params'> extends true ? { param: TInputs['params'] } : unknown) &
  (Declares<TSpec, 'query'> extends true ? { query: TInputs['query'] } : unknown) &
  (Declares<TSpec, 'headers'> extends true ? { header: TInputs['headers'] } : unknown) &
  (Declares<TSpec, 'cookies'> extends true ? { cookie: TInputs['cookies'] } : unknown) &
  (Declares<TSpec, 'body'> extends true
    ? { [TKey in BodyTarget<TSpec>]: TInputs['body'] }
    : unknown)

/** The Hono `Input` of a {@link validator} middleware: what `c.req.valid(target)` returns. */
export type ValidatorInput<TSpec extends InputSpec> = { in: InOf<TSpec>; out: OutOf<TSpec> }

/**
 * Hono middleware validating a request against an {@link InputSpec}. On failure it returns
 * {@link validationErrorResponse}; on success handlers read `c.req.valid('param' | 'query' |
 * 'header' | 'cookie' | 'json' | 'form')`, typed from the schemas. The body it read is left in
 * Hono's body cache, so the handler's `c.req.json()`, `c.req.text()`, `c.req.arrayBuffer()`,
 * `c.req.formData()` and `c.req.parseBody()` still work and see the same body.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono'
 * import * as v from 'valibot'
 * import { validator } from '@brisk/validator'
 *
 * const app = new Hono().get(
 *   '/items',
 *   validator({ query: { limit: v.optional(v.pipe(v.number(), v.integer()), 10) } }),
 *   (c) => c.json({ limit: c.req.valid('query').limit }),
 * )
 * ```
 */
export function validator<
  const TSpec extends InputSpec,
  TEnv extends Env = any,
  TPath extends string = string,
>(spec: TSpec, options?: ValidatorOptions): MiddlewareHandler<TEnv, TPath, ValidatorInput<TSpec>> {
  const check = createValidator(spec, options)
  const bodyTarget: keyof ValidationTargets =
    spec.bodyType === 'form' || spec.bodyType === 'multipart' ? 'form' : 'json'
  return async (c, next) => {
    const pending = check.validate(c.req.raw, c.req.param() as Record<string, string>)
    const result = pending instanceof Promise ? await pending : pending
    if (!result.ok) return validationErrorResponse(result, check.options)
    const read = cachedBody(c.req.raw)
    if (read !== undefined) {
      const bytes = await read
      // Hono derives every other body reader (`json`, `text`, `formData`, …) from a cached one.
      // Its cache holds promises at run time although its type names the values: hence assign.
      if (typeof bytes !== 'string') {
        Object.assign(c.req.bodyCache, { arrayBuffer: Promise.resolve(toArrayBuffer(bytes)) })
      }
    }
    const value = result.value as InferInputs<InputSpec>
    if (spec.params !== undefined) c.req.addValidatedData('param', value.params)
    if (spec.query !== undefined) c.req.addValidatedData('query', value.query)
    if (spec.headers !== undefined) c.req.addValidatedData('header', value.headers)
    if (spec.cookies !== undefined) c.req.addValidatedData('cookie', value.cookies)
    if (spec.body !== undefined) c.req.addValidatedData(bodyTarget, value.body as never)
    await next()
  }
}

/** The bytes as an `ArrayBuffer` of their own: a stream's chunk may be a view into a larger one. */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes
  return byteOffset === 0 && byteLength === buffer.byteLength && buffer instanceof ArrayBuffer
    ? buffer
    : bytes.slice().buffer
}
