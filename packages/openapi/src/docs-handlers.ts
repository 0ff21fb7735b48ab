/**
 * Request handlers for the docs: the page, and (when the app hosts it) Scalar's script with a
 * content-hash ETag. Web standards only; reading the script from disk is a runtime adapter's job
 * (`localScalar()` from `@brisk/openapi/scalar-local`).
 */
import { type DocsPageOptions, docsPage } from './docs-page.ts'

/** Where the page gets Scalar's standalone script. */
export type ScalarSource =
  /** The page loads the script from a CDN; the app serves no script route. */
  | { readonly kind: 'cdn'; readonly url: string; readonly integrity?: string }
  /** The app serves the script itself; `load` runs once, on the first request for it. */
  | { readonly kind: 'inline'; readonly load: () => string | Promise<string> }

/** What the handlers read from a request context (a Hono `Context` has it). */
export interface DocsContext {
  readonly req: { readonly raw: Request }
}

export interface DocsHandlersOptions<TContext extends DocsContext = DocsContext>
  extends Pick<DocsPageOptions, 'specUrl' | 'title' | 'servers' | 'configuration'> {
  readonly scalar: ScalarSource
  /** Where the app serves an inline script (default `/docs/scalar.js`). */
  readonly scriptPath?: string
  /** `Cache-Control` of the script (default a week; the ETag makes revalidation cheap). */
  readonly scriptCacheControl?: string
  /** The request's CSP nonce, e.g. `(c) => c.get('secureHeadersNonce')` with `hono/secure-headers`. */
  readonly nonce?: (c: TContext) => string | undefined
}

export interface DocsHandlers<TContext extends DocsContext = DocsContext> {
  /** Serves the HTML page. */
  readonly page: (c: TContext) => Response
  /** Serves the script at `scriptPath`; `undefined` when it comes from a CDN. */
  readonly script: ((c: TContext) => Promise<Response>) | undefined
  /** The path to mount `script` on; `undefined` when it comes from a CDN. */
  readonly scriptPath: string | undefined
}

const WEEK = 'public, max-age=604800'

/**
 * Builds the docs handlers. Mount `page` on the docs path and, if defined, `script` on `scriptPath`.
 *
 * @example
 * import { localScalar } from '@brisk/openapi/scalar-local'
 * const docs = docsHandlers({ specUrl: '/openapi.json', title: 'Shop API', scalar: localScalar() })
 * app.get('/docs', docs.page)
 * if (docs.script) app.get(docs.scriptPath!, docs.script)
 */
export function docsHandlers<TContext extends DocsContext = DocsContext>(
  options: DocsHandlersOptions<TContext>,
): DocsHandlers<TContext> {
  const source = options.scalar
  const scriptPath =
    source.kind === 'inline' ? (options.scriptPath ?? '/docs/scalar.js') : undefined
  const pageOptions: DocsPageOptions = {
    specUrl: options.specUrl,
    title: options.title,
    scriptUrl: source.kind === 'inline' ? scriptPath! : source.url,
    ...(source.kind === 'cdn' && source.integrity !== undefined
      ? { integrity: source.integrity }
      : {}),
    ...(options.servers === undefined ? {} : { servers: options.servers }),
    ...(options.configuration === undefined ? {} : { configuration: options.configuration }),
  }
  const staticHtml = options.nonce ? undefined : docsPage(pageOptions)
  const page = (c: TContext): Response => {
    const nonce = options.nonce?.(c)
    const html =
      staticHtml ?? docsPage(nonce === undefined ? pageOptions : { ...pageOptions, nonce })
    return new Response(html, {
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
    })
  }
  if (source.kind === 'cdn') return { page, script: undefined, scriptPath: undefined }

  const cacheControl = options.scriptCacheControl ?? WEEK
  let loading: Promise<{ body: Uint8Array<ArrayBuffer>; etag: string }> | undefined
  const loaded = () => {
    loading ??= prepare(source.load).catch((error: unknown) => {
      loading = undefined // a failed read (file missing, I/O) is retried on the next request
      throw error
    })
    return loading
  }
  const script = async (c: TContext): Promise<Response> => {
    const { body, etag } = await loaded()
    const headers = { etag, 'cache-control': cacheControl }
    if (matchesEtag(c.req.raw.headers.get('if-none-match'), etag)) {
      return new Response(null, { status: 304, headers })
    }
    return new Response(body, {
      headers: {
        ...headers,
        'content-type': 'text/javascript; charset=utf-8',
        'x-content-type-options': 'nosniff',
      },
    })
  }
  return { page, script, scriptPath }
}

async function prepare(load: () => string | Promise<string>) {
  const body = new TextEncoder().encode(await load())
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body))
  const hash = btoa(String.fromCharCode(...digest)).replace(/=+$/, '')
  return { body, etag: `"${hash}"` }
}

/** `If-None-Match` holds `*` or a list of (possibly weak) entity tags. */
function matchesEtag(header: string | null, etag: string): boolean {
  if (header === null) return false
  return header
    .split(',')
    .some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === etag)
}
