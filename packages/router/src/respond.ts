/** A handler's answer with a status other than the route's default, still checked against that status's schema. */

const replyBrand: unique symbol = Symbol('brisk.reply')

export interface Reply<TStatus extends number = number, TBody = unknown> {
  readonly [replyBrand]: true
  readonly status: TStatus
  readonly body: TBody
  readonly headers: Record<string, string> | undefined
}

/**
 * Answers with `status` and a JSON body that goes through the route's schema for that status.
 *
 * @example
 * if (!item) return respond(404, { message: 'no such item' })
 */
export function respond<const TStatus extends number, const TBody>(
  status: TStatus,
  body: TBody,
  headers?: Record<string, string>,
): Reply<TStatus, TBody> {
  return { [replyBrand]: true, status, body, headers }
}

export function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && replyBrand in value
}
