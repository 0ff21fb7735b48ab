import type { RawRequest } from '@brisk/validator'
import type { Context } from 'hono'

/**
 * Where a runtime adapter puts its direct view of the request in the env it hands `app.fetch`: the
 * Node adapter (`@brisk/router/node`) passes Node's request headers and stream, so the validator
 * reads them without a web `Headers` object or `ReadableStream` being built first.
 */
export const RAW_REQUEST = 'briskRaw'

export function rawRequestOf(c: Context): RawRequest | undefined {
  const env = c.env as Record<string, unknown> | undefined
  return env?.[RAW_REQUEST] as RawRequest | undefined
}
