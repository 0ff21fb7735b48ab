/**
 * The security headers of the docs routes: the page's Content-Security-Policy (exactly what
 * Scalar's standalone page needs), and the locked-down policy of the JSON documents and the script.
 */

/** For responses that are data, never a page: nothing may load, nothing may frame them. */
export const DATA_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
} as const

export interface PagePolicyOptions {
  /** The script's URL: a path served by the app, or an absolute CDN URL. */
  readonly scriptUrl: string
  readonly specUrl: string
  /** URLs the page's "Send" client may call besides its own origin. */
  readonly connectTo: readonly string[]
  readonly nonce?: string
}

/**
 * The page's policy, as tight as Scalar's standalone page allows (checked in Chromium: no
 * violation but zod's `new Function` probe, which falls back): its one script, the styles it
 * injects, images from the app or inlined in the document (`data:`), `fetch` to the app; no inline
 * script (the configuration is a data attribute), no fonts (web fonts are off), never framed.
 */
export function pagePolicy(options: PagePolicyOptions): string {
  const script = isAbsolute(options.scriptUrl) ? sourceOf(options.scriptUrl) : "'self'"
  const nonce = options.nonce === undefined ? [] : [`'nonce-${options.nonce}'`]
  const connect = [
    "'self'",
    ...[options.specUrl, ...options.connectTo].filter(isAbsolute).map(originOf),
  ]
  const directives = [
    "default-src 'none'",
    `script-src ${[script, ...nonce].join(' ')}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ]
  return directives.join('; ')
}

const isAbsolute = (url: string) => /^https?:\/\//i.test(url)

/** The exact file: a source expression with a path matches that URL only. */
function sourceOf(url: string): string {
  const parsed = new URL(url)
  return `${parsed.origin}${parsed.pathname}`
}

const originOf = (url: string) => new URL(url).origin
