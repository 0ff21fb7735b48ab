/** `docs` mounts the interactive Scalar API reference (page, self-hosted script) on a Hono app. */
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { type DocsHandlersOptions, docsHandlers, type ScalarSource } from './docs-handlers.ts'
import { scalarCdn } from './scalar-cdn.ts'

export interface DocsOptions
  extends Omit<DocsHandlersOptions<Context>, 'specUrl' | 'title' | 'scalar'> {
  /**
   * Where Scalar's script comes from: `localScalar()` (self-hosted, offline; needs
   * `@scalar/api-reference` installed) or a CDN source. Default: `scalarCdn()`, a pinned jsDelivr
   * URL with its SRI hash.
   */
  readonly scalar?: ScalarSource
  /** The page's path (default `/docs`). */
  readonly path?: string
  /** The document the page shows (default `/openapi.json`). */
  readonly specUrl?: string
  readonly title?: string
  /** Middleware run before the page and its script, e.g. an auth check. */
  readonly protect?: MiddlewareHandler
}

/**
 * Serves the interactive Scalar API reference on an app (call it before the first request).
 *
 * @example
 * docs(app, { title: 'Shop API' }) // Scalar from a pinned CDN URL with SRI
 * // or self-hosted (npm install @scalar/api-reference):
 * // import { localScalar } from '@brisk/openapi/scalar-local'
 * // docs(app, { scalar: localScalar(), title: 'Shop API' })
 */
export function docs(app: Hono, options: DocsOptions = {}): void {
  const {
    scalar = scalarCdn(),
    path = '/docs',
    specUrl = '/openapi.json',
    title = 'API reference',
  } = options
  const handlers = docsHandlers<Context>({ ...options, scalar, specUrl, title })
  const mount = (at: string, handler: (c: Context) => Response | Promise<Response>) => {
    if (options.protect) app.get(at, options.protect, handler)
    else app.get(at, handler)
  }
  mount(path, handlers.page)
  if (handlers.script && handlers.scriptPath) mount(handlers.scriptPath, handlers.script)
}
