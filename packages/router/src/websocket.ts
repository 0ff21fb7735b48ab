/**
 * `ws`: a WebSocket route. The upgrade request goes through the whole pipeline first — security,
 * inputs, dependencies — so a bad or unauthenticated request is a JSON 4xx before any upgrade; the
 * handler then returns the socket's handlers, and the request's dependencies are torn down when the
 * socket closes. Messages are JSON text frames checked by optional schemas.
 */
import type * as v from 'valibot'
import { route } from './route.ts'
import type { HandlerContext, Route, RouteOptions, WebSocketSpec } from './types.ts'

/**
 * What a WebSocket route declares: inputs, dependencies and security as any route, its messages,
 * and `responses` for the refusals its handler or dependencies answer before the upgrade (a 429).
 */
export interface WebSocketOptions
  extends Omit<RouteOptions, 'body' | 'bodyType' | 'response' | 'status' | 'stream'>,
    WebSocketSpec {}

type MaybePromise<TValue> = TValue | Promise<TValue>

type Incoming<TOptions> = TOptions extends { incoming: infer TSchema extends v.GenericSchema }
  ? v.InferOutput<TSchema>
  : string | Uint8Array

type Outgoing<TOptions> = TOptions extends { outgoing: infer TSchema extends v.GenericSchema }
  ? v.InferInput<TSchema>
  : unknown

/** The open socket as a handler sees it. */
export interface BriskSocket<TOutgoing = unknown> {
  /** Unique per connection. */
  readonly id: string
  /**
   * Sends one message (JSON text, or a string as is when there is no `outgoing` schema). Resolves
   * once the send buffer is below its high-water mark, so `await` in a loop never buffers without
   * bound for a slow client.
   */
  send(message: TOutgoing): Promise<void>
  close(code?: number, reason?: string): void
  /** Bytes queued and not yet sent (0 where the runtime does not say). */
  readonly bufferedAmount: number
  /**
   * Aborted when the socket closes, whoever closed it: hand it to work done for this socket (a
   * model call, a `fetch`) to stop it. A `send` after the close is dropped and resolves.
   */
  readonly signal: AbortSignal
}

/**
 * What a WebSocket route's handler returns: what to do as the socket opens, gets messages, closes.
 * `message` is called for each message as it arrives, without waiting for the previous call to
 * finish: a handler that awaits may run for several messages at once (keep per-socket state in
 * the handler's closure, and queue there if order matters).
 */
export interface WebSocketHandlers<TIncoming = unknown, TOutgoing = unknown> {
  open?(socket: BriskSocket<TOutgoing>): MaybePromise<void>
  message?(socket: BriskSocket<TOutgoing>, message: TIncoming): MaybePromise<void>
  close?(
    socket: BriskSocket<TOutgoing>,
    details: { code?: number; reason?: string },
  ): MaybePromise<void>
}

const accepted: unique symbol = Symbol('brisk.websocket')

/** A handler's handlers, marked so that the response stage upgrades instead of answering. */
export interface WebSocketAcceptance {
  readonly [accepted]: true
  readonly handlers: WebSocketHandlers<any, any>
  readonly options: WebSocketOptions
}

export function isWebSocketAcceptance(value: unknown): value is WebSocketAcceptance {
  return typeof value === 'object' && value !== null && accepted in value
}

/**
 * A WebSocket route at `path` (a `GET` upgrade). The handler gets the validated inputs and
 * dependencies, like any route's, and returns the socket's handlers.
 *
 * @example
 * const echo = ws('/echo', { query: { name: v.string() }, incoming: v.object({ text: v.string() }) },
 *   ({ query }) => ({ message: (socket, message) => socket.send({ from: query.name, ...message }) }))
 */
export function ws<TPath extends string, const TOptions extends WebSocketOptions>(
  path: TPath,
  options: TOptions,
  handler: (
    context: HandlerContext<TOptions>,
  ) => MaybePromise<WebSocketHandlers<Incoming<TOptions>, Outgoing<TOptions>>>,
): Route<TOptions & { readonly websocket: WebSocketSpec }, 'GET', TPath> {
  const accept = (handlers: WebSocketHandlers<any, any>): WebSocketAcceptance => ({
    [accepted]: true,
    handlers,
    options,
  })
  const { incoming, outgoing, maxMessageBytes, onInvalidMessage } = options
  const spec: WebSocketSpec = {
    ...(incoming && { incoming }),
    ...(outgoing && { outgoing }),
    ...(maxMessageBytes !== undefined && { maxMessageBytes }),
    ...(onInvalidMessage && { onInvalidMessage }),
  }
  // The app answers a request that is not an upgrade through a Brisk entry (426) before any of this.
  return route('GET', path, { ...options, websocket: spec }, ((
    context: HandlerContext<TOptions>,
  ) => {
    const handlers = handler(context)
    return handlers instanceof Promise ? handlers.then(accept) : accept(handlers)
  }) as never) as unknown as Route<TOptions & { readonly websocket: WebSocketSpec }, 'GET', TPath>
}
