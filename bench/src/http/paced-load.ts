/**
 * A paced load at a fixed rate, for the server's CPU time per request: `rate` requests/s spread
 * evenly (whatever has come due, every millisecond) over keep-alive connections with one request
 * in flight each — unlike autocannon's `overallRate`, which sends each connection's quota in one
 * burst at the start of every second, so the server runs saturated in bursts. After a lead-in the
 * server's CPU time (every thread) is read, the counted window runs, its answers are awaited and
 * the CPU time is read again.
 */
import { connect, type Socket } from 'node:net'
import type { HttpRequest } from './cases.ts'
import { cpuSecondsPrecise } from './processes.ts'
import { requestBytes } from './request-bytes.ts'
import { createResponseFramer } from './response-framer.ts'

/** One paced run. */
export interface PacedJob {
  url: string
  request: HttpRequest
  connections: number
  /** Requests per second. */
  rate: number
  /** Paced but not counted, so the window starts in a steady state. */
  leadSeconds: number
  /** The counted window. */
  seconds: number
  /** The server process whose CPU time is read. */
  serverPid: number
}

/** What a paced run measured in its counted window. */
export interface PacedResult {
  /** Requests sent in the window (each answered, or counted as a failure). */
  sent: number
  seconds: number
  /** Non-2xx answers, unanswered requests and connection errors. */
  failures: number
  /** Requests due but not sent for want of a free connection, at most, during the window. */
  maxBacklog: number
  /** Server CPU seconds from the window's start to its last answer; `null` without `/proc`. */
  serverCpuSeconds: number | null
}

const open = (port: number, host: string) =>
  new Promise<Socket>((resolve, reject) => {
    const socket = connect({ port, host, noDelay: true })
    socket.once('connect', () => {
      socket.off('error', reject)
      resolve(socket)
    })
    socket.once('error', reject)
  })

/** Runs `job`; resolves once every request of the window is answered (or after 5 s more). */
export async function runPaced(job: PacedJob): Promise<PacedResult> {
  const target = new URL(job.url)
  const bytes = requestBytes(job.request, target.host)
  const sockets = await Promise.all(
    Array.from({ length: job.connections }, () => open(Number(target.port), target.hostname)),
  )
  const idle: Socket[] = []
  let sent = 0
  let inFlight = 0
  let failures = 0
  let windowFrom: { sent: number; cpu: number | undefined; failures: number } | undefined
  let maxBacklog = 0
  let sending = true
  let drained: (() => void) | undefined

  const send = (socket: Socket) => {
    sent++
    inFlight++
    socket.write(bytes)
  }
  let due = 0
  const answered = (socket: Socket) => {
    inFlight--
    if (sending && sent < due) send(socket)
    else idle.push(socket)
    if (!sending && inFlight === 0) drained?.()
  }
  for (const socket of sockets) {
    const framer = createResponseFramer()
    socket.on('data', (chunk: Buffer) => {
      let statuses: number[]
      try {
        statuses = framer.push(chunk)
      } catch {
        failures++
        socket.destroy()
        return
      }
      for (const status of statuses) {
        if (status < 200 || status >= 300) failures++
        answered(socket)
      }
    })
    // A connection lost mid-run leaves the pool; what it had in flight counts as failed.
    socket.once('close', () => {
      const at = idle.indexOf(socket)
      if (at !== -1) idle.splice(at, 1)
      else if (sending || inFlight > 0) {
        failures++
        inFlight--
        if (!sending && inFlight === 0) drained?.()
      }
    })
    socket.on('error', () => {})
    idle.push(socket)
  }

  const started = performance.now()
  const total = job.leadSeconds + job.seconds
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = Math.min((performance.now() - started) / 1000, total)
      due = Math.floor(elapsed * job.rate)
      if (!windowFrom && elapsed >= job.leadSeconds) {
        windowFrom = { sent, cpu: cpuSecondsPrecise(job.serverPid), failures }
      }
      while (sent < due && idle.length) send(idle.pop()!)
      if (windowFrom) maxBacklog = Math.max(maxBacklog, due - sent)
      if (elapsed >= total) {
        clearInterval(tick)
        resolve()
      }
    }, 1)
  })
  sending = false
  const windowEnd = performance.now()
  if (inFlight > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000)
      drained = () => {
        clearTimeout(timer)
        resolve()
      }
    })
  }
  const cpuAfter = cpuSecondsPrecise(job.serverPid)
  failures += Math.max(0, inFlight)
  for (const socket of sockets) socket.destroy()
  const from = windowFrom ?? { sent: 0, cpu: undefined, failures: 0 }
  return {
    sent: sent - from.sent,
    seconds: (windowEnd - started) / 1000 - job.leadSeconds,
    failures: failures - from.failures,
    maxBacklog,
    serverCpuSeconds: from.cpu === undefined || cpuAfter === undefined ? null : cpuAfter - from.cpu,
  }
}
