/** `openapi` serves a Brisk app's generated OpenAPI 3.1 document and returns its generator. */
import type { BriskApp } from '@brisk/router'
import type { MiddlewareHandler } from 'hono'
import { createDocument, type DocumentOptions } from './create-document.ts'
import type { OpenAPIDocument } from './types.ts'

export interface OpenAPIOptions extends DocumentOptions {
  /** Where the document is served (default `/openapi.json`); `false` serves none. */
  readonly path?: string | false
  /** Middleware run before the document (and docs) routes, e.g. an auth check. */
  readonly protect?: MiddlewareHandler
}

/**
 * Serves the app's OpenAPI document, generated once on first request and cached. Call it before
 * the app serves its first request. Returns the generator, for tests and build scripts.
 *
 * @example
 * const spec = openapi(app, { info: { title: 'Shop', version: '1.0.0' } })
 * const document = spec.document()
 */
export function openapi(app: BriskApp, options: OpenAPIOptions): { document(): OpenAPIDocument } {
  let document: OpenAPIDocument | undefined
  let body: string | undefined
  const generate = () => {
    document ??= createDocument(app, options)
    return document
  }
  const path = options.path ?? '/openapi.json'
  if (path !== false) {
    const serve: MiddlewareHandler = async (c) => {
      body ??= JSON.stringify(generate())
      return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' })
    }
    if (options.protect) app.get(path, options.protect, serve)
    else app.get(path, serve)
  }
  return { document: generate }
}
