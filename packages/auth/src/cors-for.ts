/**
 * `corsFor` is Hono's `cors` with the unsafe configurations refused at creation: `*` with
 * credentials, wildcard or malformed origins. Origins match exactly; `Vary: Origin` is always set.
 */
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'

export interface CorsForOptions {
  /** Exact origins (`https://app.example`, no path, no trailing slash), or `'*'` for any. */
  readonly origins: readonly string[] | '*'
  /** Allow cookies / `Authorization` across origins; never with `'*'`. */
  readonly credentials?: boolean
  readonly allowMethods?: readonly string[]
  readonly allowHeaders?: readonly string[]
  readonly exposeHeaders?: readonly string[]
  /** Seconds a preflight may be cached. */
  readonly maxAge?: number
}

function assertOrigin(origin: string): void {
  let parsed: URL | undefined
  try {
    parsed = new URL(origin)
  } catch {
    parsed = undefined
  }
  if (
    parsed === undefined ||
    origin.includes('*') ||
    parsed.origin !== origin ||
    (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
  ) {
    throw new TypeError(
      `corsFor: '${origin}' is not an exact origin such as 'https://app.example' (no path, no wildcard, no trailing slash)`,
    )
  }
}

/**
 * CORS middleware that cannot be configured into a hole.
 *
 * @example
 * const app = createApp({ middleware: [corsFor({ origins: ['https://app.example'], credentials: true })], routes })
 */
export function corsFor(options: CorsForOptions): MiddlewareHandler {
  const { origins, credentials = false } = options
  if (origins === '*') {
    if (credentials) {
      throw new TypeError(
        "corsFor: origins '*' with credentials would let any site act as the user; list the origins",
      )
    }
  } else {
    if (!Array.isArray(origins) || origins.length === 0) {
      throw new TypeError("corsFor: 'origins' must list at least one origin (or be '*')")
    }
    for (const origin of origins) assertOrigin(origin)
  }
  const allowed = origins === '*' ? undefined : new Set(origins)
  const middleware = cors({
    origin: allowed === undefined ? '*' : (origin) => (allowed.has(origin) ? origin : null),
    credentials,
    ...(options.allowMethods === undefined ? {} : { allowMethods: [...options.allowMethods] }),
    ...(options.allowHeaders === undefined ? {} : { allowHeaders: [...options.allowHeaders] }),
    ...(options.exposeHeaders === undefined ? {} : { exposeHeaders: [...options.exposeHeaders] }),
    ...(options.maxAge === undefined ? {} : { maxAge: options.maxAge }),
  })
  return async (c, next) => {
    const response = await middleware(c, next)
    // Caches must key on Origin whatever the answer; hono adds it on some paths only.
    const target = response ?? c.res
    const vary = target.headers.get('vary') ?? ''
    if (!/(^|,)\s*origin\s*(,|$)/i.test(vary)) target.headers.append('vary', 'Origin')
    return response
  }
}
