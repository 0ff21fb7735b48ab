/**
 * What every server of the WebSocket bench serves: a JSON echo at `/json` (parsed, then sent back
 * stringified) and a text echo at `/text` (the frame's text as is), on any runtime.
 */

/** The servers compared: Brisk's `ws()` routes, and Hono's own WebSocket helper for the runtime. */
export type WsServerId = 'brisk' | 'hono'
export type WsRuntime = 'node' | 'bun'
export type EchoPath = '/json' | '/text'

/** The one message the client sends over and over, and must get back unchanged. */
export const ECHO_MESSAGE = JSON.stringify({ text: 'the quick brown fox jumps over the lazy dog' })

/** Lets the servers be started with a single `ready <port>` line, whatever the runtime. */
export const readyLine = (port: number) => `ready ${port}`
