/**
 * One repetition of one server on one runtime, in a fresh process: first the memory of 1,000 idle
 * sockets (RSS after a GC, before and after they are open, past a warm-up of a few sockets), then
 * the echo throughput over one connection on `/json` and on `/text`, each from a load process.
 */
import { fileURLToPath } from 'node:url'
import { spawnPinned, waitForLine } from '../http/processes.ts'
import { ECHO_MESSAGE, type EchoPath, type WsRuntime, type WsServerId } from './echo-contract.ts'
import type { EchoLoadJob, EchoLoadResult } from './echo-load.ts'
import { closeAll, openIdleSockets } from './idle-sockets.ts'
import { startWsServer, type WsServerProcess } from './ws-server-process.ts'

const loadScript = fileURLToPath(new URL('./echo-load.js', import.meta.url))

export interface EchoMeasurement {
  readonly messagesPerSecond: number
  /** Server CPU (user + system, all threads) per echoed message, µs. */
  readonly serverCpuMicros: number
  /** Share of one CPU the client used: near 1 means the client, not the server, set the pace. */
  readonly clientCpuShare: number
  readonly serverCpuShare: number
}

export interface ServerSample {
  readonly runtime: WsRuntime
  readonly server: WsServerId
  readonly repetition: number
  readonly echo: Record<EchoPath, EchoMeasurement>
  readonly memory: {
    readonly before: number
    readonly after: number
    readonly kibPerSocket: number
    readonly gc: boolean
  }
}

export interface MeasureSettings {
  readonly idleSockets: number
  readonly window: number
  readonly warmupSeconds: number
  readonly seconds: number
}

async function measureMemory(server: WsServerProcess, url: string, count: number) {
  // Warm-up: the first upgrades and messages load and compile code that is not per socket.
  const warm = await openIdleSockets(url, 20)
  await Promise.all(warm.map((socket) => echoOnce(socket)))
  await closeAll(warm)
  const before = await server.memory()
  const sockets = await openIdleSockets(url, count)
  const after = await server.memory()
  await closeAll(sockets)
  const kibPerSocket = (after.rss - before.rss) / count / 1024
  return { before: before.rss, after: after.rss, kibPerSocket, gc: before.gc && after.gc }
}

function echoOnce(socket: import('ws').WebSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('message', () => resolve())
    socket.send(ECHO_MESSAGE)
  })
}

async function measureEcho(server: WsServerProcess, url: string, settings: MeasureSettings) {
  const job: EchoLoadJob = { url, serverPid: server.pid, ...settings }
  const child = spawnPinned(1, process.execPath, [loadScript, JSON.stringify(job)], 'ignore')
  const timeout = (settings.warmupSeconds + settings.seconds) * 1000 + 30_000
  const result = JSON.parse(await waitForLine(child, /^\{/, timeout)) as EchoLoadResult
  if (result.wrong > 0) throw new Error(`${url}: ${result.wrong} replies were not the message sent`)
  if (result.messages === 0) throw new Error(`${url}: no message echoed`)
  return {
    messagesPerSecond: result.messages / result.seconds,
    serverCpuMicros: (result.serverCpuSeconds * 1e6) / result.messages,
    clientCpuShare: result.clientCpuSeconds / result.seconds,
    serverCpuShare: result.serverCpuSeconds / result.seconds,
  }
}

/** Measures `server` on `runtime` in a process of its own, stopped afterwards. */
export async function measureServer(
  runtime: WsRuntime,
  serverId: WsServerId,
  repetition: number,
  settings: MeasureSettings,
): Promise<ServerSample> {
  const server = await startWsServer(runtime, serverId)
  try {
    const origin = `ws://127.0.0.1:${server.port}`
    const memory = await measureMemory(server, `${origin}/json`, settings.idleSockets)
    const json = await measureEcho(server, `${origin}/json`, settings)
    const text = await measureEcho(server, `${origin}/text`, settings)
    return { runtime, server: serverId, repetition, memory, echo: { '/json': json, '/text': text } }
  } finally {
    await server.stop()
  }
}
