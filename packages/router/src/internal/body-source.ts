import type { BodySource } from '@brisk/validator'
import type { Context } from 'hono'

/**
 * Where a runtime adapter puts the raw request body in the env it hands `app.fetch`: the Node
 * adapter (`@brisk/router/node`) passes Node's request stream, so the validator reads the bytes
 * without a web `ReadableStream` being built over the socket first.
 */
export const BODY_SOURCE = 'briskBody'

export function bodySourceOf(c: Context): BodySource | undefined {
  const env = c.env as Record<string, unknown> | undefined
  return env?.[BODY_SOURCE] as BodySource | undefined
}
