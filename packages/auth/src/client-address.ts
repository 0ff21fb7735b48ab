/**
 * `clientAddress` and `forwardedClientAddress`: the address a request came from, as the login
 * throttle counts it — the socket's peer by default, a proxy's header only when you say you trust
 * that proxy.
 */
import type { Context } from 'hono'

/** Finds a request's client address; `undefined` when it cannot be known. */
export type ClientAddress = (c: Context) => string | undefined

/**
 * The peer address of the connection, read from what each runtime's adapter puts in `c.env`:
 * `@hono/node-server`'s `incoming` socket (Node), the Bun server's `requestIP`, Deno's
 * `remoteAddr`. On Cloudflare Workers, the `CF-Connecting-IP` header the edge sets. No other
 * header is read: behind a proxy every client would share its address — use
 * `forwardedClientAddress` there.
 *
 * @example
 * oauth2.tokenRoute({ authenticate, throttle: { clientAddress } }) // the default
 */
export const clientAddress: ClientAddress = (c) => {
  const env = c.env as Record<string, any> | undefined
  const node = env?.incoming?.socket?.remoteAddress
  if (typeof node === 'string') return node
  if (typeof env?.requestIP === 'function') {
    const bun = env.requestIP(c.req.raw)?.address
    if (typeof bun === 'string') return bun
  }
  const deno = env?.remoteAddr?.hostname
  if (typeof deno === 'string') return deno
  // Only the Workers runtime: there the edge sets it and drops a client's own.
  if (globalThis.navigator?.userAgent === 'Cloudflare-Workers') {
    return c.req.header('cf-connecting-ip') ?? undefined
  }
  return undefined
}

export interface ForwardedClientAddressOptions {
  /** The header your proxy appends the client's address to (default `x-forwarded-for`). */
  readonly header?: string
  /**
   * How many trusted proxies append to it (default 1). The client is the entry that many places
   * from the right: entries further left were written by the client and may be forged.
   */
  readonly proxies?: number
}

/**
 * Reads the client's address from a trusted proxy's header. Use it only when every request passes
 * through those proxies: a client reaching the app directly could write any address.
 *
 * @example
 * oauth2.tokenRoute({ authenticate, throttle: { clientAddress: forwardedClientAddress({ proxies: 1 }) } })
 */
export function forwardedClientAddress(options: ForwardedClientAddressOptions = {}): ClientAddress {
  const header = options.header ?? 'x-forwarded-for'
  const proxies = options.proxies ?? 1
  if (!Number.isSafeInteger(proxies) || proxies < 1) {
    throw new TypeError(`forwardedClientAddress: 'proxies' must be 1 or more, got ${proxies}`)
  }
  return (c) => {
    const entries = (c.req.raw.headers.get(header) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
    // Too few entries: the request skipped a proxy, so none of them can be trusted.
    return entries.length < proxies ? undefined : entries[entries.length - proxies]
  }
}
