/**
 * @brisk/client — a typed client for a Brisk app, inferred from the app's type: inputs checked per
 * route, answers typed per status, streams as async iterables. Web `fetch` only; no code generation.
 */
export type { CallOptions } from './build-request.ts'
export type {
  ClientResponse,
  ClientResult,
  ErrorDetail,
  HTTPValidationError,
  ValidationIssue,
} from './client-result.ts'
export {
  type Client,
  type ClientOptions,
  createClient,
  type DefaultHeaders,
} from './create-client.ts'
export type { Endpoint, Endpoints, RoutesOf } from './endpoints.ts'
export { StreamError } from './read-stream.ts'
export type { ExtraHeaders, RequestArgs, RequestOptions } from './request-options.ts'
