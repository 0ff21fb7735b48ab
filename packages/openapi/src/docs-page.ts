/**
 * The HTML page of the interactive API reference (Scalar): a self-hosted script configured by data
 * attributes, so the page runs no inline script and fetches nothing but the app's own URLs.
 */
import { escapeHtml, jsonAttribute } from './internal/scalar-html.ts'

/** A server the "Send" client may target; a `url` starting with `/` is taken from the page's origin. */
export interface DocsServer {
  readonly url: string
  readonly description?: string
}

export interface DocsPageOptions {
  /** Where the browser fetches the OpenAPI document, e.g. `/openapi.json`. */
  readonly specUrl: string
  /** The page's `<title>`. */
  readonly title: string
  /** Where the browser loads Scalar's standalone script: the app's own route or a CDN. */
  readonly scriptUrl: string
  /** A CSP nonce for the script tag (needed by `script-src 'nonce-…'` and `'strict-dynamic'`). */
  readonly nonce?: string
  /** Subresource integrity of a CDN script, e.g. `sha384-…`; adds `crossorigin="anonymous"`. */
  readonly integrity?: string
  /**
   * Servers offered by the "Send" client. Default: the origin of the page (and of `specUrl`), so
   * requests go to the app that serves the docs whatever `servers` the document lists (their URLs
   * may point at production). `'document'` offers the document's `servers` instead.
   */
  readonly servers?: readonly DocsServer[] | 'document'
  /**
   * More Scalar configuration (JSON values only), e.g. `{ theme: 'moon' }` or `{ authentication:
   * { preferredSecurityScheme: 'OAuth2' } }`; it overrides the defaults set here.
   */
  readonly configuration?: Readonly<Record<string, unknown>>
}

/** With no servers, Scalar targets the origin the document came from: the page's, for a path. */
const SAME_ORIGIN: readonly DocsServer[] = []

/**
 * Renders the API reference page. Every interpolated value is escaped; the configuration travels
 * in a `data-configuration` attribute that Scalar reads, so a strict CSP needs only the script's
 * own URL (or `nonce`) in `script-src`.
 *
 * @example
 * const html = docsPage({ specUrl: '/openapi.json', title: 'Shop API', scriptUrl: '/docs/scalar.js' })
 * app.get('/docs', (c) => c.html(html))
 */
export function docsPage(options: DocsPageOptions): string {
  const servers = options.servers ?? SAME_ORIGIN
  // No web fonts, no telemetry, no Scalar Agent (on local URLs it queries api.scalar.com through
  // proxy.scalar.com): the page talks to nobody but the app.
  const configuration = {
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    showDeveloperTools: 'never',
    ...(servers === 'document' ? {} : { servers }),
    ...options.configuration,
    url: options.specUrl,
  }
  const scriptAttributes = [
    `src="${escapeHtml(options.scriptUrl)}"`,
    options.nonce === undefined ? '' : ` nonce="${escapeHtml(options.nonce)}"`,
    options.integrity === undefined
      ? ''
      : ` integrity="${escapeHtml(options.integrity)}" crossorigin="anonymous"`,
  ].join('')
  // Scalar mounts beside `#api-reference` when its script runs, so that element comes first; as
  // `application/json` with no content it is never executed and needs no CSP allowance.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<noscript>This API reference needs JavaScript. The OpenAPI document is at <a href="${escapeHtml(options.specUrl)}">${escapeHtml(options.specUrl)}</a>.</noscript>
<script id="api-reference" type="application/json" data-configuration="${jsonAttribute(configuration)}"></script>
<script ${scriptAttributes}></script>
</body>
</html>
`
}
