/**
 * The WebSocket bench's markdown: echo throughput and server CPU per message, then memory per idle
 * socket, Brisk beside the peer for each runtime, medians of the repetitions and the Brisk ÷ peer
 * ratio (median, min–max over repetitions).
 */

import { formatRatio, median, summarizeRatios } from '../summary.ts'
import type { EchoPath, WsRuntime } from './echo-contract.ts'
import type { EchoMeasurement, ServerSample } from './measure-server.ts'

export const PEER_LABELS: Record<WsRuntime, string> = {
  node: 'Hono + @hono/node-ws',
  bun: 'Hono + hono/bun',
}
const RUNTIME_TITLES: Record<WsRuntime, string> = { node: 'Node', bun: 'Bun' }
const ROUTES: Record<EchoPath, string> = {
  '/json': 'JSON echo (Brisk: `incoming` schema)',
  '/text': 'text echo (no schema)',
}

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–')

/** Brisk's and the peer's samples of `runtime`, paired by repetition. */
export function pairs(samples: readonly ServerSample[], runtime: WsRuntime) {
  const of = (server: 'brisk' | 'hono') =>
    samples
      .filter((sample) => sample.runtime === runtime && sample.server === server)
      .sort((a, b) => a.repetition - b.repetition)
  return { brisk: of('brisk'), peer: of('hono') }
}

function echoRow(samples: readonly ServerSample[], runtime: WsRuntime, path: EchoPath) {
  const { brisk, peer } = pairs(samples, runtime)
  const pick = (list: readonly ServerSample[], key: keyof EchoMeasurement) =>
    list.map((sample) => sample.echo[path][key])
  const rate = summarizeRatios(pick(brisk, 'messagesPerSecond'), pick(peer, 'messagesPerSecond'))
  const cpu = summarizeRatios(pick(brisk, 'serverCpuMicros'), pick(peer, 'serverCpuMicros'))
  return [
    RUNTIME_TITLES[runtime],
    ROUTES[path],
    fixed(median(pick(brisk, 'messagesPerSecond'))),
    fixed(median(pick(peer, 'messagesPerSecond'))),
    formatRatio(rate),
    fixed(median(pick(brisk, 'serverCpuMicros')), 1),
    fixed(median(pick(peer, 'serverCpuMicros')), 1),
    formatRatio(cpu),
  ]
}

function memoryRow(samples: readonly ServerSample[], runtime: WsRuntime) {
  const { brisk, peer } = pairs(samples, runtime)
  const kib = (list: readonly ServerSample[]) => list.map((sample) => sample.memory.kibPerSocket)
  const rss = (list: readonly ServerSample[]) =>
    `${fixed(median(list.map((s) => s.memory.before)) / 2 ** 20)} → ${fixed(median(list.map((s) => s.memory.after)) / 2 ** 20)}`
  return [
    RUNTIME_TITLES[runtime],
    fixed(median(kib(brisk)), 1),
    fixed(median(kib(peer)), 1),
    formatRatio(summarizeRatios(kib(brisk), kib(peer))),
    rss(brisk),
    rss(peer),
  ]
}

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`

/** The tables for `samples`, with a note on how they were taken. */
export function renderWsTables(
  samples: readonly ServerSample[],
  runtimes: readonly WsRuntime[],
  note: string,
): string {
  const peers = runtimes.map((runtime) => `${RUNTIME_TITLES[runtime]}: ${PEER_LABELS[runtime]}`)
  return [
    `Peer — ${peers.join('; ')}. ${note}`,
    '',
    row([
      'runtime',
      'route',
      'Brisk msg/s',
      'peer msg/s',
      'Brisk ÷ peer',
      'Brisk CPU µs/msg',
      'peer CPU µs/msg',
      'Brisk ÷ peer (CPU)',
    ]),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...runtimes.flatMap((runtime) =>
      (['/json', '/text'] as const).map((path) => row(echoRow(samples, runtime, path))),
    ),
    '',
    row([
      'runtime',
      'Brisk KiB/socket',
      'peer KiB/socket',
      'Brisk ÷ peer',
      'Brisk RSS MiB before → after',
      'peer RSS MiB before → after',
    ]),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    ...runtimes.map((runtime) => row(memoryRow(samples, runtime))),
  ].join('\n')
}
