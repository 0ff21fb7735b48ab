/** One Server-Sent Event with its optional fields; plain stream items become `data` only. */

const eventBrand: unique symbol = Symbol('brisk.sse')

export interface ServerSentEventInit {
  /** A string is sent as is (one `data:` line per line); anything else as JSON. */
  readonly data: unknown
  readonly event?: string
  readonly id?: string
  /** Reconnection delay in milliseconds. */
  readonly retry?: number
}

export interface ServerSentEvent extends ServerSentEventInit {
  readonly [eventBrand]: true
}

/**
 * Marks a stream item as a full Server-Sent Event.
 *
 * @example
 * yield serverSentEvent({ event: 'done', data: { tokens: 12 } })
 */
export function serverSentEvent(init: ServerSentEventInit): ServerSentEvent {
  return { ...init, [eventBrand]: true }
}

export function isServerSentEvent(value: unknown): value is ServerSentEvent {
  return typeof value === 'object' && value !== null && eventBrand in value
}

/** Field values may not contain line breaks: they would end the field and inject new ones. */
function singleLine(value: string): string {
  return value.replace(/[\r\n\0]/g, '')
}

function dataLines(data: unknown): string {
  const text = typeof data === 'string' ? data : (JSON.stringify(data) ?? 'null')
  let out = ''
  for (const line of text.split(/\r\n|\r|\n/)) out += `data: ${line}\n`
  return out
}

/** Encodes a stream item in the `text/event-stream` format. */
export function encodeServerSentEvent(item: unknown): string {
  if (!isServerSentEvent(item)) return `${dataLines(item)}\n`
  let out = ''
  if (item.event !== undefined) out += `event: ${singleLine(item.event)}\n`
  if (item.id !== undefined) out += `id: ${singleLine(item.id)}\n`
  if (item.retry !== undefined && Number.isSafeInteger(item.retry) && item.retry >= 0) {
    out += `retry: ${item.retry}\n`
  }
  return `${out}${dataLines(item.data)}\n`
}
