/**
 * The app's routes as the client sees them: a union of endpoints, each a method, a full path
 * (router prefixes joined, as the router joins them) and the route's options. Flattened once per
 * client type; what a call needs from a route is then computed for that route alone.
 */
import type { Method, Route, RouteNode, Router, RouterOptions } from '@brisk/router'

/** Mirrors the router's `joinPaths`: under `/admin`, `'/'` is `/admin/` and `''` is `/admin`. */
type JoinPaths<
  TPrefix extends string,
  TPath extends string,
> = `${TrimSlash<TPrefix>}${TPath}` extends infer TJoined extends string
  ? TJoined extends ''
    ? '/'
    : TJoined
  : never

type TrimSlash<TPath extends string> = TPath extends `${infer TBase}/` ? TBase : TPath

type PrefixOf<TOptions> = TOptions extends { readonly prefix: infer TPrefix extends string }
  ? TPrefix
  : ''

/** One endpoint: its method, full path and the options it was declared with. */
export interface Endpoint<TMethod extends Method, TPath extends string, TOptions> {
  readonly method: TMethod
  readonly path: TPath
  readonly options: TOptions
}

/** Every endpoint under `TNodes`, as a union (routers flattened, prefixes joined). */
type EndpointsOf<TNodes, TPrefix extends string> = TNodes extends readonly (infer TNode)[]
  ? TNode extends Route<infer TOptions, infer TMethod, infer TPath>
    ? TOptions extends { readonly websocket: object }
      ? never // a WebSocket route (`ws()`) is not an HTTP call
      : Endpoint<TMethod, JoinPaths<TPrefix, TPath>, TOptions>
    : TNode extends Router<infer TRouterOptions extends RouterOptions, infer TChildren>
      ? EndpointsOf<TChildren, JoinPaths<TPrefix, PrefixOf<TRouterOptions>>>
      : never
  : never

/** The routes of an app, a router or a list of route values. */
export type RoutesOf<TApp> = TApp extends { readonly declaredRoutes: infer TRoutes }
  ? TRoutes
  : TApp extends RouteNode
    ? readonly [TApp]
    : TApp

/** Every endpoint an app serves. */
export type Endpoints<TApp> = EndpointsOf<RoutesOf<TApp>, ''>
