/**
 * The request pipeline, one route plan at a time, in named stages: malformed path → security →
 * inputs → dependencies → handler → response. Teardown runs once the response is produced and
 * before it is sent (for a stream, once it ends), whether the handler returned, threw, or a
 * dependency failed; an error gets to the generator dependencies first, and they may replace it.
 */
import type { Dependency, RequestScope } from '@brisk/di'
import {
  type InputSpec,
  type RequestValidator,
  type ValidationFailure,
  type ValidationResult,
  validationErrorResponse,
} from '@brisk/validator'
import type { Context } from 'hono'
import { HTTPException } from '../http-exception.ts'
import type { BackgroundTask } from '../types.ts'
import { runInBackground } from './background.ts'
import { APP_EXECUTION, type HostInputs, REQUEST_CONTEXT } from './host.ts'
import { hasMalformedPath, malformedPathDetail } from './malformed-path.ts'
import type { RoutePlan } from './plan-route.ts'
import { rawRequestOf } from './raw-request.ts'
import { runtimeEnvironment } from './runtime-environment.ts'

type Inputs = { params: unknown; query: unknown; headers: unknown; cookies: unknown; body: unknown }

const EMPTY = Object.freeze({})
const LOCATIONS = ['params', 'query', 'headers', 'cookies'] as const
/** The inputs of a route that reads none: shared, never written (the scoped path fills its own). */
const NO_INPUTS: Inputs = Object.freeze(noInputs())

/** Per-request state beyond the inputs: background tasks scheduled by the handler. */
interface Extras {
  tasks: BackgroundTask[] | undefined
}

/** Runs one request through its route's plan. */
export function runRoute(plan: RoutePlan, c: Context): Response | Promise<Response> {
  if (plan.readsParams && hasMalformedPath(c.req.url)) {
    return c.json({ detail: malformedPathDetail }, 400)
  }
  // The fast path: no dependencies and so no security, nothing to scope or tear down — a route
  // with no body stays synchronous from validation to response (no promise, no microtask turn).
  if (plan.dependencies === undefined) {
    if (plan.validator === undefined) return respond(plan, c, NO_INPUTS)
    const result = validate(plan.validator, plan, c)
    return result instanceof Promise
      ? result.then((settled) => respondValidated(plan, c, settled))
      : respondValidated(plan, c, result)
  }
  return runScoped(plan, c)
}

function respondValidated(plan: RoutePlan, c: Context, result: ValidationResult<unknown>) {
  if (!result.ok) return validationErrorResponse(result, plan.runtime.validatorOptions)
  return respond(plan, c, result.value as Inputs)
}

/** Handler → response, with no scope: the handler's value (or promise of one) is rendered. */
function respond(plan: RoutePlan, c: Context, inputs: Inputs): Response | Promise<Response> {
  const extras: Extras = { tasks: undefined }
  const output = plan.handler(handlerContext(c, inputs, EMPTY, extras))
  if (output instanceof Promise) {
    return output.then((value) => {
      const response = plan.response.render(c, value)
      afterResponse(plan, c, extras)
      return response
    })
  }
  const response = plan.response.render(c, output)
  afterResponse(plan, c, extras)
  return response
}

async function runScoped(plan: RoutePlan, c: Context): Promise<Response> {
  // Filled in stage by stage; dependencies read it as `context.inputs` (the built-in ones find
  // the request and the app's background tasks under symbol keys).
  const inputs: Inputs & HostInputs = {
    params: EMPTY,
    query: EMPTY,
    headers: EMPTY,
    cookies: EMPTY,
    body: undefined,
    [REQUEST_CONTEXT]: c,
    [APP_EXECUTION]: plan.runtime.execution,
  }
  const scope = plan.runtime.createScope(inputs, runtimeEnvironment(c))
  const extras: Extras = { tasks: undefined }
  let streaming = false
  let responded = false
  try {
    // Security first, as FastAPI solves its security dependencies: only credentials (and their own
    // inputs) are read before they run, so an unauthenticated request gets its 401 without the
    // body being read or the route's fields listed in a 422.
    if (plan.securityValidator) {
      const refused = await validateInto(plan.securityValidator, plan, c, inputs)
      if (refused) return validationErrorResponse(refused, plan.runtime.validatorOptions)
    }
    if (plan.security) {
      const made = plan.security.resolve(scope)
      if (made instanceof Promise) await made
    }
    if (plan.validator) {
      const refused = await validateInto(plan.validator, plan, c, inputs)
      if (refused) return await refuseInvalid(plan, c, scope, inputs, refused)
    }
    // Await only what is pending: a sync graph or handler should not pay for microtask turns.
    let deps = plan.dependencies!.resolve(scope)
    if (deps instanceof Promise) deps = await deps
    let output = plan.handler(handlerContext(c, inputs, deps, extras))
    if (output instanceof Promise) output = await output
    // Only a streaming route needs the stream-end callback: no closure per request otherwise.
    const onStreamEnd =
      plan.operation.stream === undefined && plan.operation.websocket === undefined
        ? undefined
        : (failure?: Failure) => void endStream(plan, c, scope, failure, extras)
    const response = plan.response.render(c, output, onStreamEnd)
    streaming = plan.response.streams(c, output)
    responded = true
    return response
  } catch (error) {
    // Generator dependencies get the error at their `yield`, before any response exists, and
    // answer it: let it through, throw another in its place (an HTTPException then becomes the
    // response, as FastAPI's "Owner error: Rick"), or swallow it (a SWALLOWED error: a 500,
    // reported). The scope is closed here, so the `finally` below has nothing left to close.
    if (scope.pendingCleanups === 0) throw error
    const settled = await scope.close({ error })
    throw settled === undefined ? error : settled.error
  } finally {
    if (!streaming) await closeScope(scope)
    if (!streaming && responded) afterResponse(plan, c, extras)
  }
}

type Failure = { readonly error: unknown }

async function closeScope(scope: RequestScope) {
  if (scope.pendingCleanups > 0) await scope.close()
}

/**
 * A stream's teardown, once it has ended: a stream that failed (already reported, its client sent
 * an error item) hands its error to the generators, so a transaction rolls back. Whatever they
 * make of it cannot change a response already sent: another error in its place is reported.
 */
async function endStream(
  plan: RoutePlan,
  c: Context,
  scope: RequestScope,
  failure: Failure | undefined,
  extras: Extras,
) {
  const settled = await scope.close(failure)
  if (settled !== undefined && settled.error !== failure?.error) {
    plan.runtime.report(settled.error, { request: c.req.raw, operation: plan.operation })
  }
  afterResponse(plan, c, extras)
}

/**
 * A request whose inputs failed validation, answered in FastAPI's order: the dependencies whose
 * own inputs are valid still run, in order (not those with invalid inputs, nor what uses them),
 * and an error one throws — an HTTPException — wins over the 422. Then generators that ran get
 * the 422 as an HTTPException at their `yield` (rolling back), and may answer it as any error.
 */
async function refuseInvalid(
  plan: RoutePlan,
  c: Context,
  scope: RequestScope,
  inputs: Inputs,
  refused: ValidationFailure,
): Promise<Response> {
  const response = validationErrorResponse(refused, plan.runtime.validatorOptions)
  // An unreadable body (413, 415) or malformed JSON stops the request before any dependency, as
  // FastAPI parses the body before solving them.
  if (refused.issues.length === 0 || refused.issues.some((i) => i.type === 'json_invalid')) {
    return response
  }
  const invalid = new Set<Dependency>()
  for (const [dependency, check] of plan.dependencyValidators()) {
    let result = validate(check, plan, c)
    if (result instanceof Promise) result = await result
    if (result.ok) mergeInputs(check, result.value as Inputs, inputs, true)
    else invalid.add(dependency)
  }
  await plan.dependencies!.runWhere(scope, (dependency) => !invalid.has(dependency))
  if (scope.pendingCleanups === 0) return response
  const error = new HTTPException(refused.status, refused.issues)
  const settled = await scope.close({ error })
  if (settled === undefined || settled.error === error) return response
  throw settled.error
}

function validate(check: RequestValidator<InputSpec>, plan: RoutePlan, c: Context) {
  return check.validate(c.req.raw, plan.readsParams ? c.req.param() : undefined, rawRequestOf(c))
}

/** Validates one stage's inputs into `into`; the failure when they are invalid. */
async function validateInto(
  check: RequestValidator<InputSpec>,
  plan: RoutePlan,
  c: Context,
  into: Inputs,
): Promise<ValidationFailure | undefined> {
  let result = validate(check, plan, c)
  if (result instanceof Promise) result = await result
  if (!result.ok) return result
  mergeInputs(check, result.value as Inputs, into, false)
  return undefined
}

/** Adds one validator's values to the request's; `mergeBody` keeps body fields already there. */
function mergeInputs(
  check: RequestValidator<InputSpec>,
  value: Inputs,
  into: Inputs,
  mergeBody: boolean,
) {
  for (const location of LOCATIONS) {
    if (check.spec[location] === undefined) continue
    const fields = value[location]
    const known = into[location]
    // Both stages may read a location (a credential header, a route header): keep both.
    into[location] = known === EMPTY ? fields : { ...(known as object), ...(fields as object) }
  }
  if (!check.readsBody) return
  into.body =
    mergeBody && isObject(into.body) && isObject(value.body)
      ? { ...into.body, ...value.body }
      : value.body
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function noInputs(): Inputs {
  return { params: EMPTY, query: EMPTY, headers: EMPTY, cookies: EMPTY, body: undefined }
}

// Fields listed, not spread: `{ ...inputs, c }` takes V8's slow path (~1 µs on Node 20).
function handlerContext(c: Context, inputs: Inputs, deps: unknown, extras: Extras) {
  return {
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
  }
}

function afterResponse(plan: RoutePlan, c: Context, extras: Extras) {
  if (!extras.tasks) return
  const report = (error: unknown) =>
    plan.runtime.report(error, { request: c.req.raw, operation: plan.operation })
  runInBackground(c, extras.tasks, report, plan.runtime.pendingTasks)
}
