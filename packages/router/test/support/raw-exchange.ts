/** Raw TCP for the Node adapter's tests: what a client can send that `fetch` never would. */
import { connect } from 'node:net'

/** Writes `text` on a raw TCP connection; resolves with all it got until the server closed it. */
export function exchange(port: number, text: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      received += chunk
    })
    socket.once('error', reject)
    socket.once('close', () => resolve(received))
    socket.write(text)
  })
}
