/**
 * `npm run bench -- --ws`: Brisk's WebSocket routes beside Hono's own WebSocket helper, on Node and
 * Bun, in one run. Each repetition starts every server afresh (the order rotated each time) and
 * measures the echo over one connection (messages/s, server CPU per message) and the server's
 * memory per idle socket. Results go to `results/ws.json` and `results/ws.md`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { pinning } from '../http/processes.ts'
import { rotated } from '../summary.ts'
import type { WsRuntime, WsServerId } from './echo-contract.ts'
import { type MeasureSettings, measureServer, type ServerSample } from './measure-server.ts'
import { renderWsTables } from './ws-table.ts'

const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url))
const RUNTIMES: readonly WsRuntime[] = ['node', 'bun']
const SERVERS: readonly WsServerId[] = ['brisk', 'hono']

const short = (sample: ServerSample) =>
  `${(['/json', '/text'] as const)
    .map((path) => {
      const echo = sample.echo[path]
      return `${path} ${echo.messagesPerSecond.toFixed(0)} msg/s ${echo.serverCpuMicros.toFixed(1)} µs (server ${(100 * echo.serverCpuShare).toFixed(0)} %, client ${(100 * echo.clientCpuShare).toFixed(0)} % CPU)`
    })
    .join(', ')}, ${sample.memory.kibPerSocket.toFixed(1)} KiB/socket`

export async function runWsBench(options: { quick?: boolean } = {}) {
  const repetitions = options.quick ? 1 : 3
  const settings: MeasureSettings = {
    idleSockets: 1000,
    window: 32,
    warmupSeconds: options.quick ? 1 : 2,
    seconds: options.quick ? 2 : 5,
  }
  console.log(
    `\nWebSockets: ${repetitions} repetition(s), echo over 1 connection with ${settings.window} in flight for ${settings.seconds} s after ${settings.warmupSeconds} s, ${settings.idleSockets} idle sockets`,
  )
  const samples: ServerSample[] = []
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    for (const runtime of RUNTIMES) {
      for (const server of rotated(SERVERS, repetition)) {
        const sample = await measureServer(runtime, server, repetition, settings)
        samples.push(sample)
        console.log(`  #${repetition + 1} ${runtime} ${server}: ${short(sample)}`)
      }
    }
  }
  const note = `Server on CPU 0, client on CPU 1${pinning ? '' : ' (not pinned: no taskset)'}; ${repetitions} repetition(s), each server in a fresh process, order rotated each repetition; echo: one connection, ${settings.window} messages in flight, ${settings.seconds} s after ${settings.warmupSeconds} s of warm-up; CPU is the server's user + system time (all threads) per message; memory: RSS after a full GC, before and with ${settings.idleSockets} open idle sockets. Medians; ratios are median (min–max) of the per-repetition Brisk ÷ peer ratios.`
  const md = renderWsTables(samples, RUNTIMES, note)
  writeFileSync(`${resultsDir}ws.md`, `${md}\n`)
  writeFileSync(
    `${resultsDir}ws.json`,
    `${JSON.stringify({ date: new Date().toISOString(), versions: { node: process.version }, settings, repetitions, samples }, null, 2)}\n`,
  )
  console.log(`\n${md}`)
}
