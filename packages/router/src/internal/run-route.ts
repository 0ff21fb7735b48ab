/**
 * The request pipeline, one route plan at a time, in named stages: malformed path → security →
 * inputs → dependencies → handler → response. Teardown runs once the response is produced (for a
 * stream, once it ends), whether the handler returned, threw, or a dependency failed.
 */
import type { RequestScope } from '@brisk/di'
import {
  type InputSpec,
  type RequestValidator,
  type ValidationResult,
  validationErrorResponse,
} from '@brisk/validator'
import type { Context } from 'hono'
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
  let failure: { error: unknown } | undefined
  try {
    // Security first, as FastAPI solves its security dependencies: only credentials (and their own
    // inputs) are read before they run, so an unauthenticated request gets its 401 without the
    // body being read or the route's fields listed in a 422.
    if (plan.securityValidator) {
      const refused = await validateInto(plan.securityValidator, plan, c, inputs)
      if (refused) return refused
    }
    if (plan.security) {
      const made = plan.security.resolve(scope)
      if (made instanceof Promise) await made
    }
    if (plan.validator) {
      const refused = await validateInto(plan.validator, plan, c, inputs)
      if (refused) return refused
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
        : () => void scope.close().then(() => afterResponse(plan, c, extras))
    const response = plan.response.render(c, output, onStreamEnd)
    streaming = plan.response.streams(c, output)
    responded = true
    return response
  } catch (error) {
    failure = { error } // generator dependencies see it at their `yield` (commit vs rollback)
    throw error
  } finally {
    if (!streaming) await closeScope(scope, failure)
    if (!streaming && responded) afterResponse(plan, c, extras)
  }
}

async function closeScope(scope: RequestScope, failure: { error: unknown } | undefined) {
  if (scope.pendingCleanups > 0) await scope.close(failure)
}

function validate(check: RequestValidator<InputSpec>, plan: RoutePlan, c: Context) {
  return check.validate(c.req.raw, plan.readsParams ? c.req.param() : undefined, rawRequestOf(c))
}

/** Validates one stage's inputs into `into`; the error response when they are invalid. */
async function validateInto(
  check: RequestValidator<InputSpec>,
  plan: RoutePlan,
  c: Context,
  into: Inputs,
): Promise<Response | undefined> {
  let result = validate(check, plan, c)
  if (result instanceof Promise) result = await result
  if (!result.ok) return validationErrorResponse(result, plan.runtime.validatorOptions)
  const value = result.value as Inputs
  for (const location of LOCATIONS) {
    if (check.spec[location] === undefined) continue
    const fields = value[location]
    const known = into[location]
    // Both stages may read a location (a credential header, a route header): keep both.
    into[location] = known === EMPTY ? fields : { ...(known as object), ...(fields as object) }
  }
  if (check.readsBody) into.body = value.body
  return undefined
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
