/** Public types of routes and routers: options, handler context and results, responses, streams. */
import type { Resolved, Use, Uses } from '@brisk/di'
import type { InferInputs, InputSpec } from '@brisk/validator'
import type { Context } from 'hono'
import type * as v from 'valibot'
import type { Reply } from './respond.ts'
import type { ServerSentEvent } from './server-sent-event.ts'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'

/** A documented response: its schema (the value is filtered through it), description and headers. */
export interface ResponseSpec {
  readonly schema?: v.GenericSchema
  readonly description?: string
  readonly headers?: Readonly<Record<string, { description?: string; schema?: v.GenericSchema }>>
  readonly contentType?: string
}

export type ResponseDeclaration = v.GenericSchema | ResponseSpec

export type StreamFormat = 'sse' | 'ndjson'

export interface StreamSpec {
  readonly format: StreamFormat
  /** Each item is validated (and filtered) by this schema before it is sent. */
  readonly item?: v.GenericSchema
}

/** What a WebSocket route (`ws()`) says about its messages. */
export interface WebSocketSpec {
  /** Each incoming message: a JSON text frame validated by this schema (else text or bytes as is). */
  readonly incoming?: v.GenericSchema
  /** Each message sent: validated (and filtered) by this schema, then sent as JSON text. */
  readonly outgoing?: v.GenericSchema
  /** Largest incoming message in bytes (default: the app's, 1 MiB); larger ones close with 1009. */
  readonly maxMessageBytes?: number
  /**
   * An incoming message that is not valid JSON or fails `incoming`: `'reply'` (default) sends
   * `{"detail": [issues]}` and keeps the socket; `'close'` closes it with 1007.
   */
  readonly onInvalidMessage?: 'reply' | 'close'
}

/** Documentation fields shared by routes and routers. */
export interface RouteDocs {
  /**
   * A request body the handler reads itself (e.g. to answer in its own error format): documented,
   * not validated. Routes that declare `body` need not set it.
   */
  readonly requestBody?: {
    readonly schema: v.GenericSchema
    readonly bodyType?: 'json' | 'form' | 'multipart'
  }
  readonly tags?: readonly string[]
  readonly summary?: string
  readonly description?: string
  readonly operationId?: string
  readonly deprecated?: boolean
}

/** Everything a route declares besides its method, path and handler. */
export interface RouteOptions extends InputSpec, RouteDocs {
  /** The schema of the default status's body. */
  readonly response?: v.GenericSchema
  /** Bodies per status code; the returned value goes through the schema of its status. */
  readonly responses?: Readonly<Record<number, ResponseDeclaration>>
  /** The status of a plain returned value (default 200). */
  readonly status?: number
  /**
   * FastAPI's `response_model_exclude_unset`: JSON bodies leave out the fields the handler's value
   * did not set (absent or `undefined`), in nested objects too; a field set to its default stays.
   * Applies to every status with a schema.
   */
  readonly excludeUnset?: boolean
  /** FastAPI's `response_model_exclude_defaults`: leaves out fields equal to their schema default. */
  readonly excludeDefaults?: boolean
  /** FastAPI's `response_model_exclude_none`: leaves out fields whose value is `null`. */
  readonly excludeNone?: boolean
  /** Return an async iterable and it is streamed as Server-Sent Events or NDJSON. */
  readonly stream?: StreamFormat | StreamSpec
  /** Largest body this route reads, in bytes (default: the app's, 1 MiB). */
  readonly bodyLimit?: number
  /**
   * Pydantic's lax mode for JSON bodies (default false: strict): numeric strings become numbers,
   * `"t"`/`"no"`/`0`… booleans, arrays `v.set()` Sets; a string that does not parse is
   * `float_parsing`/`int_parsing`/`bool_parsing`.
   */
  readonly lax?: boolean
  /** Dependencies whose values the handler receives as `deps`, by name. */
  readonly deps?: Uses
  /** Dependencies run for their effect (a check, a guard) before the handler. */
  readonly dependencies?: readonly Use[]
  /** Security dependencies for this route, replacing the inherited (app or router) default. */
  readonly security?: readonly Use[]
  /** Skips the inherited default security: the route is public on purpose. */
  readonly public?: boolean
}

type MaybePromise<TValue> = TValue | Promise<TValue>

/** Work scheduled to run after the response (see `HandlerContext.background`). */
export type BackgroundTask = () => unknown

/**
 * What a handler receives: the validated inputs, its dependencies' values, the raw request, the
 * Hono context, and a way to schedule work after the response.
 */
export type HandlerContext<TOptions extends RouteOptions> = InferInputs<TOptions> & {
  readonly deps: TOptions extends { deps: infer TUses extends Uses }
    ? Resolved<TUses>
    : Record<never, never>
  readonly request: Request
  readonly c: Context
  /**
   * Runs `task` after the response is sent (on Workers through `waitUntil`); errors go to the app's
   * `onError`.
   */
  readonly background: (task: BackgroundTask) => void
}

type DefaultStatus<TOptions> = TOptions extends { status: infer TStatus } ? TStatus : 200

type SchemaOf<TDeclaration> = TDeclaration extends v.GenericSchema
  ? TDeclaration
  : TDeclaration extends { schema: infer TSchema extends v.GenericSchema }
    ? TSchema
    : undefined

type DefaultSchema<TOptions> = TOptions extends {
  response: infer TSchema extends v.GenericSchema
}
  ? TSchema
  : TOptions extends { responses: infer TResponses }
    ? DefaultStatus<TOptions> extends keyof TResponses
      ? SchemaOf<TResponses[DefaultStatus<TOptions> & keyof TResponses]>
      : undefined
    : undefined

type BodyFor<TSchema> = TSchema extends v.GenericSchema ? v.InferInput<TSchema> : unknown

type Replies<TOptions> = TOptions extends { responses: infer TResponses }
  ? {
      [TStatus in keyof TResponses & number]: Reply<TStatus, BodyFor<SchemaOf<TResponses[TStatus]>>>
    }[keyof TResponses & number]
  : Reply<number, unknown>

type StreamItem<TOptions> = TOptions extends {
  stream: { item: infer TSchema extends v.GenericSchema }
}
  ? v.InferInput<TSchema>
  : unknown

/** What a handler may return, derived from its route's declarations. */
export type HandlerResult<TOptions extends RouteOptions> = TOptions extends { stream: unknown }
  ? AsyncIterable<StreamItem<TOptions> | ServerSentEvent> | Response
  :
      | (DefaultSchema<TOptions> extends undefined ? unknown : BodyFor<DefaultSchema<TOptions>>)
      | Replies<TOptions>
      | Response

export type Handler<TOptions extends RouteOptions> = (
  context: HandlerContext<TOptions>,
) => MaybePromise<HandlerResult<TOptions>>

/**
 * A route: a plain value carrying everything known about an endpoint. Its method and path are kept
 * as literal types so that a client can be typed from the app (`@brisk/client`).
 */
export interface Route<
  TOptions extends RouteOptions = RouteOptions,
  TMethod extends Method = Method,
  TPath extends string = string,
> {
  readonly kind: 'route'
  readonly method: TMethod
  readonly path: TPath
  readonly options: TOptions
  readonly handler: (context: any) => unknown
}

/** Options a router applies to everything under it. */
export interface RouterOptions {
  readonly prefix?: string
  readonly tags?: readonly string[]
  readonly deprecated?: boolean
  readonly bodyLimit?: number
  /**
   * Pydantic's lax mode for JSON bodies (default false: strict): numeric strings become numbers,
   * `"t"`/`"no"`/`0`… booleans, arrays `v.set()` Sets; a string that does not parse is
   * `float_parsing`/`int_parsing`/`bool_parsing`.
   */
  readonly lax?: boolean
  /** Extra documented responses for every route under the router (e.g. 401). */
  readonly responses?: Readonly<Record<number, ResponseDeclaration>>
  /** Dependencies run for every route under the router, before the route's own. */
  readonly dependencies?: readonly Use[]
  /** Default security for the routes under the router, replacing the app's (routes may opt out). */
  readonly security?: readonly Use[]
}

/** A group of routes and routers sharing a prefix, tags and options. */
export interface Router<
  TOptions extends RouterOptions = RouterOptions,
  TChildren extends readonly RouteNode[] = readonly RouteNode[],
> {
  readonly kind: 'router'
  readonly options: TOptions
  readonly children: TChildren
}

export type RouteNode = Route<any> | Router
