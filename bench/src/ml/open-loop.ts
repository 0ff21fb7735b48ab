/**
 * An open-loop load: requests sent at a steady rate (every 2 ms, whatever has come due), each timed
 * from when it was due, answered or not — unlike autocannon's `overallRate`, which sends each
 * connection's quota in a burst at the start of every second.
 */
import { Agent, request } from 'node:http'

export interface OpenLoopJob {
  readonly url: string
  readonly body: string
  readonly headers: Readonly<Record<string, string>>
  /** Requests per second. */
  readonly rate: number
  readonly seconds: number
  /** Sockets at most; requests beyond them wait in the client (and that wait is counted). */
  readonly connections: number
}

export interface OpenLoopAnswer {
  readonly status: number
  readonly ms: number
}

/** Runs the load; answers every request's status (0: socket error or no answer in 10 s) and time. */
export function openLoop(job: OpenLoopJob): Promise<OpenLoopAnswer[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections })
  const answers: OpenLoopAnswer[] = []
  const target = new URL(job.url)
  const headers = { ...job.headers, 'content-length': String(Buffer.byteLength(job.body)) }
  let sent = 0
  let pending = 0
  const started = performance.now()

  return new Promise((resolve) => {
    const finish = () => {
      agent.destroy()
      resolve(answers)
    }
    const fire = (due: number) => {
      sent++
      pending++
      let settled = false
      const settle = (status: number) => {
        if (settled) return
        settled = true
        answers.push({ status, ms: performance.now() - due })
        if (--pending === 0 && sending === undefined) finish()
      }
      const call = request(target, { method: 'POST', agent, headers, timeout: 10_000 }, (res) => {
        res.resume()
        res.once('end', () => settle(res.statusCode ?? 0))
      })
      call.once('error', () => settle(0))
      call.once('timeout', () => call.destroy())
      call.end(job.body)
    }
    let sending: ReturnType<typeof setInterval> | undefined = setInterval(() => {
      const elapsed = performance.now() - started
      const stop = elapsed >= job.seconds * 1000
      const due = Math.floor((Math.min(elapsed, job.seconds * 1000) / 1000) * job.rate)
      while (sent < due) fire(started + (sent / job.rate) * 1000)
      if (stop) {
        clearInterval(sending)
        sending = undefined
        if (pending === 0) finish()
      }
    }, 2)
  })
}
