/** `openapi` serves a Brisk app's generated OpenAPI 3.1 document and returns its generator. */
import type { BriskApp } from '@brisk/router'
import type { MiddlewareHandler } from 'hono'
import { type AsyncApiDocument, asyncApiOf } from './asyncapi-document.ts'
import { createDocument, type DocumentOptions } from './create-document.ts'
import { DATA_HEADERS } from './internal/docs-security.ts'
import type { OpenAPIDocument } from './types.ts'

export interface OpenAPIOptions extends DocumentOptions {
  /** Where the document is served (default `/openapi.json`); `false` serves none. */
  readonly path?: string | false
  /**
   * Where the AsyncAPI 3 document of the app's WebSocket routes is served, if it has any (default
   * `/asyncapi.json`); `false` serves none.
   */
  readonly asyncapiPath?: string | false
  /** Middleware run before the document (and docs) routes, e.g. an auth check. */
  readonly protect?: MiddlewareHandler
}

/**
 * Serves the app's OpenAPI document, generated once when called, and, when the
 * app has WebSocket routes, their AsyncAPI document. Call it before the app serves its first
 * request. Returns the generators, for tests and build scripts.
 *
 * @example
 * const spec = openapi(app, { info: { title: 'Shop', version: '1.0.0' } })
 * const document = spec.document()
 */
export function openapi(
  app: BriskApp,
  options: OpenAPIOptions,
): { document(): OpenAPIDocument; asyncapi(): AsyncApiDocument } {
  // Made now, not on first request: what the document cannot say is heard at startup, once.
  const document = createDocument(app, options)
  let asyncDocument: AsyncApiDocument | undefined
  const generate = () => document
  const generateAsync = () => {
    asyncDocument ??= asyncApiOf(generate())
    return asyncDocument
  }
  const serveJson = (path: string, make: () => unknown) => {
    let body: string | undefined
    const serve: MiddlewareHandler = async (c) => {
      body ??= JSON.stringify(make())
      // Data, never a page: nothing loads or frames it, and no browser guesses another type.
      return c.body(body, 200, {
        'content-type': 'application/json; charset=utf-8',
        ...DATA_HEADERS,
      })
    }
    if (options.protect) app.get(path, options.protect, serve)
    else app.get(path, serve)
  }
  const path = options.path ?? '/openapi.json'
  if (path !== false) serveJson(path, generate)
  const asyncapiPath = options.asyncapiPath ?? '/asyncapi.json'
  const hasWebSockets = app.operations.some((operation) => operation.websocket)
  if (asyncapiPath !== false && hasWebSockets) serveJson(asyncapiPath, generateAsync)
  return { document: generate, asyncapi: generateAsync }
}
