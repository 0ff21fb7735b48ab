/**
 * The WebSocket hub as apps and runtime entries see it. Kept free of crossws types so the router's
 * main declarations need neither crossws, srvx nor Node's types to type-check.
 */

export interface WebSocketLimits {
  /** Most sockets open at once (default 1,000); more upgrades get 503. */
  readonly maxConnections: number
  /** Largest incoming message in bytes, unless the route says (default 1 MiB). */
  readonly maxMessageBytes: number
  /** Seconds without traffic before a socket is pinged and, if silent, closed (default 30). */
  readonly idleTimeout: number
  /** Bytes queued to one client before `send()` waits for the buffer to drain (default 1 MiB). */
  readonly highWaterMark: number
}

export interface WebSocketHub {
  readonly limits: WebSocketLimits
  /** The largest message any route takes: runtimes that can refuse larger frames unread do. */
  readonly maxPayload: number
  /** Sockets open now. */
  readonly size: number
  /** Closes every open socket with 1001 and waits (up to `timeoutMs`) for their teardown. */
  closeAll(timeoutMs?: number): Promise<void>
}
