/**
 * The Node server's safe limits: how long a client may take to send its headers and its whole
 * request, how long an idle keep-alive connection stays open, and how large the headers may be.
 * Node's own defaults let a slow upload hold a connection for 300 s.
 */
import type { ServerOptions } from 'node:http'

export interface ServerLimits {
  /** Milliseconds a client may take to send the whole request, body included (default 30 s; `0` turns it off). Over it: 408 and the connection closed. */
  readonly requestTimeout?: number
  /** Milliseconds a client may take to send the request headers (default 10 s, at most `requestTimeout`). */
  readonly headersTimeout?: number
  /** Milliseconds an idle keep-alive connection is kept (default 5 s; above a proxy's idle timeout when one sits in front). */
  readonly keepAliveTimeout?: number
  /** Largest request head in bytes, request line and headers together (default 16 KiB). Over it: 431. */
  readonly maxHeaderSize?: number
}

export const DEFAULT_LIMITS = {
  requestTimeout: 30_000,
  headersTimeout: 10_000,
  keepAliveTimeout: 5_000,
  maxHeaderSize: 16_384,
} as const

/**
 * The `createServer` options for these limits. A nonsensical value throws here, when `serve()` is
 * called, naming the option and the fix.
 */
export function serverOptions(limits: ServerLimits): ServerOptions {
  const requestTimeout = milliseconds(limits, 'requestTimeout')
  // Node refuses a headers timeout above the request timeout: the default follows a shorter one.
  const headersTimeout =
    limits.headersTimeout === undefined && requestTimeout > 0
      ? Math.min(DEFAULT_LIMITS.headersTimeout, requestTimeout)
      : milliseconds(limits, 'headersTimeout')
  if (requestTimeout > 0 && headersTimeout > requestTimeout) {
    throw new RangeError(
      `serve(): headersTimeout (${headersTimeout} ms) must not exceed requestTimeout (${requestTimeout} ms): lower headersTimeout or raise requestTimeout`,
    )
  }
  const maxHeaderSize = limits.maxHeaderSize ?? DEFAULT_LIMITS.maxHeaderSize
  if (!Number.isSafeInteger(maxHeaderSize) || maxHeaderSize < 1) {
    throw new RangeError(
      `serve(): maxHeaderSize must be a positive number of bytes, got ${maxHeaderSize}`,
    )
  }
  return {
    requestTimeout,
    headersTimeout,
    keepAliveTimeout: milliseconds(limits, 'keepAliveTimeout'),
    maxHeaderSize,
    // Node checks open connections against those timeouts every 30 s by default, which would let a
    // 30 s timeout run to a minute.
    connectionsCheckingInterval: 1_000,
  }
}

function milliseconds(limits: ServerLimits, name: keyof typeof DEFAULT_LIMITS): number {
  const value = limits[name] ?? DEFAULT_LIMITS[name]
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(
      `serve(): ${name} must be a whole number of milliseconds (0 or more), got ${value}`,
    )
  }
  return value
}
