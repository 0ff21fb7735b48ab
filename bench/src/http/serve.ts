/**
 * A server process of the HTTP bench: `node dist/http/serve.js <peer> <port>` listens on 127.0.0.1
 * and prints `ready <port>`; SIGTERM exits at once (through `process.exit`, so `--cpu-prof` still
 * writes its profile).
 */
import { peerById } from '../peers/index.ts'

const [id = '', portText = ''] = process.argv.slice(2)
const port = Number(portText)
if (!Number.isInteger(port) || port <= 0)
  throw new Error(`usage: serve.js <peer> <port>, got '${portText}'`)
process.once('SIGTERM', () => process.exit(0))
process.once('SIGINT', () => process.exit(0))
const server = await peerById(id).load()
await server.listen(port, '127.0.0.1')
console.log(`ready ${port}`)
