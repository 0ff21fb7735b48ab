/**
 * Opens many WebSockets to one URL from this process and keeps them idle (no messages after the
 * upgrade), for the server's memory per open socket.
 */
import WebSocket from 'ws'

/** Opens `count` sockets to `url`, `batch` handshakes at a time; resolves once all are open. */
export async function openIdleSockets(
  url: string,
  count: number,
  batch = 50,
): Promise<WebSocket[]> {
  const sockets: WebSocket[] = []
  while (sockets.length < count) {
    const size = Math.min(batch, count - sockets.length)
    const opened = await Promise.all(Array.from({ length: size }, () => openOne(url)))
    sockets.push(...opened)
  }
  return sockets
}

function openOne(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false })
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`upgrade refused: ${response.statusCode}`)),
    )
  })
}

/** Closes every socket and resolves once the server has answered each close. */
export function closeAll(sockets: readonly WebSocket[]): Promise<void> {
  return Promise.all(
    sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve()
          socket.once('close', () => resolve())
          socket.close(1000)
        }),
    ),
  ).then(() => undefined)
}
