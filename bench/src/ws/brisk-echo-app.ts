/**
 * Brisk's side of the WebSocket bench: `/json` validates each message against an `incoming` schema
 * and sends the typed value back as JSON; `/text` has no schema and sends the text back as is.
 */
import { createApp, ws } from '@brisk/router'
import * as v from 'valibot'

const decoder = new TextDecoder()

const jsonEcho = ws('/json', { incoming: v.object({ text: v.string() }) }, () => ({
  message: (socket, message) => socket.send(message),
}))

const textEcho = ws('/text', {}, () => ({
  // Text frames arrive as strings; bytes are decoded so the echo stays a text frame.
  message: (socket, message) =>
    socket.send(typeof message === 'string' ? message : decoder.decode(message)),
}))

/** The Brisk app both runtimes serve (the 1,000 idle sockets plus warm-up ones fit its cap). */
export function createBriskEchoApp() {
  return createApp({ routes: [jsonEcho, textEcho], websockets: { maxConnections: 2000 } })
}
