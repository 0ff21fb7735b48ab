/**
 * Request handlers for the docs: the page, under a Content-Security-Policy made for it, and (when
 * the app hosts it) Scalar's script — gzipped once for clients that take it, with a content-hash
 * ETag. Web standards only; reading the script from disk is a runtime adapter's job
 * (`localScalar()` from `@brisk/openapi/scalar-local`).
 */
import { type DocsPageOptions, docsPage } from './docs-page.ts'
import { DATA_HEADERS, pagePolicy } from './internal/docs-security.ts'
import { acceptsGzip, gzip } from './internal/gzip.ts'

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
  /**
   * The page's `Content-Security-Policy`. Default: only what Scalar needs — its script (the app's
   * own, or the one pinned CDN file), the styles it injects, images from the app or `data:`,
   * requests to the page's origin (and to `connectSrc`), no framing (`frame-ancestors 'none'`).
   * A string replaces it; `false` sends none (when a middleware such as `hono/secure-headers`
   * sets yours).
   */
  readonly contentSecurityPolicy?: string | false
  /**
   * More URLs the "Send" client may call (`connect-src`), e.g. the document's `servers` when
   * `servers: 'document'` lists other origins. Absolute `servers` given here are added already.
   */
  readonly connectSrc?: readonly string[]
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
  const policyOf = (nonce: string | undefined) => {
    if (options.contentSecurityPolicy !== undefined) return options.contentSecurityPolicy
    const servers = Array.isArray(options.servers)
      ? options.servers.map((server) => server.url)
      : []
    return pagePolicy({
      scriptUrl: pageOptions.scriptUrl,
      specUrl: options.specUrl,
      connectTo: [...servers, ...(options.connectSrc ?? [])],
      ...(nonce === undefined ? {} : { nonce: checkedNonce(nonce) }),
    })
  }
  const staticPage = options.nonce
    ? undefined
    : { html: docsPage(pageOptions), policy: policyOf(undefined) }
  const page = (c: TContext): Response => {
    const nonce = options.nonce?.(c)
    const { html, policy } = staticPage ?? {
      html: docsPage(nonce === undefined ? pageOptions : { ...pageOptions, nonce }),
      policy: policyOf(nonce),
    }
    const headers: Record<string, string> = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    }
    if (policy !== false) headers['content-security-policy'] = policy
    return new Response(html, { headers })
  }
  if (source.kind === 'cdn') return { page, script: undefined, scriptPath: undefined }

  const cacheControl = options.scriptCacheControl ?? WEEK
  let loading: Promise<Prepared> | undefined
  const loaded = () => {
    loading ??= prepare(source.load).catch((error: unknown) => {
      loading = undefined // a failed read (file missing, I/O) is retried on the next request
      throw error
    })
    return loading
  }
  const script = async (c: TContext): Promise<Response> => {
    const prepared = await loaded()
    const encoded = acceptsGzip(c.req.raw.headers.get('accept-encoding'))
    const etag = encoded ? prepared.gzipEtag : prepared.etag
    // The same bytes either way: a client holding either entity tag has the current script.
    const tags = [prepared.etag, prepared.gzipEtag]
    const headers: Record<string, string> = {
      etag,
      'cache-control': cacheControl,
      vary: 'accept-encoding',
      ...DATA_HEADERS,
    }
    if (matchesEtag(c.req.raw.headers.get('if-none-match'), tags)) {
      return new Response(null, { status: 304, headers })
    }
    headers['content-type'] = 'text/javascript; charset=utf-8'
    if (!encoded) return new Response(prepared.body, { headers })
    headers['content-encoding'] = 'gzip'
    // Workers would otherwise gzip the already gzipped bytes again; other runtimes ignore it.
    const init = { headers, encodeBody: 'manual' } as ResponseInit
    return new Response(await prepared.gzipped(), init)
  }
  return { page, script, scriptPath }
}

interface Prepared {
  readonly body: Uint8Array<ArrayBuffer>
  readonly etag: string
  readonly gzipEtag: string
  /** The gzip encoding, made on first use and kept. */
  gzipped(): Promise<Uint8Array<ArrayBuffer>>
}

/** Nonces are base64: anything else could end the directive and add its own. */
function checkedNonce(nonce: string): string {
  if (/^[A-Za-z0-9+/_-]+=*$/.test(nonce)) return nonce
  throw new TypeError(`docs: the CSP nonce must be base64, got ${JSON.stringify(nonce)}`)
}

async function prepare(load: () => string | Promise<string>): Promise<Prepared> {
  const body = new TextEncoder().encode(await load())
  const hash = await sha256(body)
  // The gzip bytes are another representation: another opaque tag, known before compressing.
  const gzipHash = await sha256(new TextEncoder().encode(`${hash}:gzip`))
  let compressed: Promise<Uint8Array<ArrayBuffer>> | undefined
  return {
    body,
    etag: `"${hash}"`,
    gzipEtag: `"${gzipHash}"`,
    gzipped: () => {
      compressed ??= gzip(body)
      return compressed
    },
  }
}

/** SHA-256, base64 without padding. */
async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return btoa(String.fromCharCode(...digest)).replace(/=+$/, '')
}

/** `If-None-Match` holds `*` or a list of (possibly weak) entity tags. */
function matchesEtag(header: string | null, etags: readonly string[]): boolean {
  if (header === null) return false
  return header.split(',').some((tag) => {
    const trimmed = tag.trim()
    return trimmed === '*' || etags.includes(trimmed.replace(/^W\//, ''))
  })
}
