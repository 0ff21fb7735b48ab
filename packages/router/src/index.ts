/**
 * @brisk/router — routes as plain values with typed, validated inputs and filtered outputs,
 * compiled to a Hono app that runs on Node, Bun, Deno and Workers.
 */
export {
  type Dependency,
  type DependencyContext,
  DependencyError,
  type Fresh,
  fresh,
  isDependency,
  type Resolved,
  type Scope,
  type Use,
  type Uses,
} from '@brisk/di'
export { type AppOptions, type BriskApp, createApp, websocketHub } from './create-app.ts'
export { dependency, type RouteDependencyOptions } from './dependency.ts'
export {
  type Credential,
  type DependencyMeta,
  inputsOf,
  type SecurityDeclaration,
  type SecuritySchemeObject,
  securityOf,
} from './dependency-meta.ts'
export { type ExceptionHandler, exceptionHandler } from './exception-handler.ts'
export { HTTPException } from './http-exception.ts'
export type { ErrorReporter } from './internal/error-renderer.ts'
export type { LifespanHook } from './internal/lifecycle.ts'
export { StreamItemError } from './internal/stream-response.ts'
export type { WebSocketHub, WebSocketLimits } from './internal/websocket-hub-api.ts'
export type { Operation } from './operation.ts'
export { currentRequest, executionContext, type RequestExecution } from './request-context.ts'
export {
  formatRequestLog,
  logRequests,
  type RequestLogEntry,
  type RequestLoggerOptions,
  requestLogger,
} from './request-logger.ts'
export { type Reply, respond } from './respond.ts'
export { ResponseValidationError } from './response-validation-error.ts'
export { del, get, head, options, patch, post, put, route } from './route.ts'
export { router } from './router.ts'
export { runtimeEnv } from './runtime-env.ts'
export {
  type ServerSentEvent,
  type ServerSentEventInit,
  serverSentEvent,
} from './server-sent-event.ts'
export { SettingsError, settings } from './settings.ts'
export type {
  BackgroundTask,
  Handler,
  HandlerContext,
  HandlerResult,
  Method,
  ResponseDeclaration,
  ResponseSpec,
  Route,
  RouteDocs,
  RouteNode,
  RouteOptions,
  Router,
  RouterOptions,
  StreamFormat,
  StreamSpec,
  WebSocketSpec,
} from './types.ts'
export {
  type BriskSocket,
  type WebSocketHandlers,
  type WebSocketOptions,
  ws,
} from './websocket.ts'
