/** `Operation`: one endpoint's resolved metadata, the contract other packages read. */
import type { Dependency, Use, Uses } from '@brisk/di'
import type { InputSpec } from '@brisk/validator'
import type { Credential } from './dependency-meta.ts'
import type { Method, ResponseSpec, Route, StreamSpec, WebSocketSpec } from './types.ts'

/**
 * An endpoint as plain data, fixed at `createApp` (replaced when an override changes its graph).
 * A route resolved against the routers above it: full path, merged tags and options. The app keeps
 * one per endpoint (`app.operations`) so other packages (OpenAPI, auth) can read everything known.
 */
export interface Operation {
  readonly method: Method
  /** The full path in OpenAPI syntax, e.g. `/users/{id}`. */
  readonly path: string
  /** The same path in Hono's syntax, e.g. `/users/:id`. */
  readonly honoPath: string
  readonly route: Route
  /** The request inputs validated for the route: its own and its dependencies' (not credentials). */
  readonly inputs: InputSpec
  /** The credentials its security declarations read: documented by their schemes. */
  readonly credentials: readonly Credential[]
  /** The route's named dependencies (the handler's `deps`). */
  readonly uses: Uses
  /** Dependencies run for their effect: the app's, the routers', then the route's. */
  readonly run: readonly Use[]
  /**
   * Security dependencies (the route's, or inherited from its router or the app): they run first,
   * on their own inputs only, so an unauthenticated request is refused before anything else.
   */
  readonly security: readonly Use[]
  /** Marked `public`: the app's or router's default security does not apply. */
  readonly public: boolean
  /** Every dependency the route resolves, in order, after overrides. */
  readonly dependencies: readonly Dependency[]
  /** The status of a plain returned value. */
  readonly status: number
  /** Declared responses by status, the default status included when it has a schema. */
  readonly responses: Readonly<Record<number, ResponseSpec>>
  readonly stream: StreamSpec | undefined
  /** A WebSocket route (`ws()`): a `GET` upgrade whose handler returns the socket's handlers. */
  readonly websocket: WebSocketSpec | undefined
  readonly tags: readonly string[]
  readonly summary: string | undefined
  readonly description: string | undefined
  readonly operationId: string
  readonly deprecated: boolean
  readonly bodyLimit: number | undefined
  /** Lax JSON bodies (route, router or app `lax`); `undefined` keeps the app's. */
  readonly lax: boolean | undefined
}
