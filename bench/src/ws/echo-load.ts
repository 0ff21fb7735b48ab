/**
 * The echo load, run in its own process pinned to CPU 1 (`node dist/ws/echo-load.js <job JSON>`):
 * ONE connection, a fixed window of messages in flight (each reply sends the next), a warm-up, then
 * a timed window. Prints one JSON line: messages echoed, seconds, and the CPU seconds the server
 * and this client used meanwhile (utime + stime from `/proc`, all threads), so a run limited by the
 * client shows as a client near 100 % of its CPU.
 */
import process from 'node:process'
import WebSocket from 'ws'
import { cpuSeconds } from '../http/processes.ts'
import { ECHO_MESSAGE } from './echo-contract.ts'

export interface EchoLoadJob {
  readonly url: string
  readonly serverPid: number
  /** Messages in flight at once. */
  readonly window: number
  readonly warmupSeconds: number
  readonly seconds: number
}

export interface EchoLoadResult {
  readonly messages: number
  readonly seconds: number
  readonly serverCpuSeconds: number
  readonly clientCpuSeconds: number
  /** Replies that were not the message sent (must be 0). */
  readonly wrong: number
}

function clientCpuSeconds() {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}

/** Runs `job` over one connection and resolves with what it counted in the timed window. */
export function runEchoLoad(job: EchoLoadJob): Promise<EchoLoadResult> {
  const socket = new WebSocket(job.url, { perMessageDeflate: false })
  return new Promise((resolve, reject) => {
    let counting = false
    let messages = 0
    let wrong = 0
    let start = { at: 0, server: 0, client: 0 }
    const mark = () => ({
      at: performance.now(),
      server: cpuSeconds(job.serverPid) ?? NaN,
      client: clientCpuSeconds(),
    })
    socket.once('error', reject)
    socket.once('close', (code) => reject(new Error(`the server closed the socket (${code})`)))
    socket.on('message', (data, isBinary) => {
      if (isBinary || data.toString() !== ECHO_MESSAGE) wrong += 1
      if (counting) messages += 1
      socket.send(ECHO_MESSAGE)
    })
    socket.once('open', () => {
      for (let sent = 0; sent < job.window; sent += 1) socket.send(ECHO_MESSAGE)
      setTimeout(() => {
        start = mark()
        counting = true
        setTimeout(() => {
          counting = false
          const end = mark()
          socket.removeAllListeners('close')
          socket.terminate()
          resolve({
            messages,
            seconds: (end.at - start.at) / 1000,
            serverCpuSeconds: end.server - start.server,
            clientCpuSeconds: end.client - start.client,
            wrong,
          })
        }, job.seconds * 1000)
      }, job.warmupSeconds * 1000)
    })
  })
}

const [jobText] = process.argv.slice(2)
if (jobText) {
  const result = await runEchoLoad(JSON.parse(jobText) as EchoLoadJob)
  console.log(JSON.stringify(result))
  process.exit(0)
}
