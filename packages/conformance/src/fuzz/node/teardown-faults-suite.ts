/**
 * The teardown-under-faults test for one runtime: hundreds of concurrent requests to the faults
 * app where handlers throw, dependencies fail in set-up and in teardown, and clients go away
 * mid-body, mid-stream and mid-handler; then every set-up must have had exactly one teardown.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually } from '../../cases/http.ts'
import { type Outcome, rawExchange } from './raw-exchange.ts'

export interface StartedFaultsTarget {
  readonly baseUrl: string
  stop(): Promise<void>
}

export interface TeardownFaultsOptions {
  readonly runtime: string
  /** Kinds of request this runtime cannot end as the test needs, with the reason (a skipped test). */
  readonly lacks?: Partial<Record<Kind, string>>
  start(): Promise<StartedFaultsTarget>
}

type Kind = 'ok' | 'throw' | 'body' | 'abort-body' | 'cut-stream' | 'abort-slow'
type Fault = '' | 'setup' | 'teardown' | 'setup,teardown'

const KINDS: readonly Kind[] = ['ok', 'throw', 'body', 'abort-body', 'cut-stream', 'abort-slow']
const FAULTS: readonly Fault[] = ['', 'setup', 'teardown', 'setup,teardown']
const REPEATS = 10
const CONCURRENCY = 60

/** What a request that runs to the end is answered with; aborted ones get no answer. */
function expectedStatus(kind: Kind, fault: Fault): number | undefined {
  if (kind === 'abort-body' || kind === 'abort-slow') return undefined
  if (kind === 'throw' || fault.includes('setup')) return 500
  return 200
}

const body = JSON.stringify({ text: 'x'.repeat(200) })

function head(method: string, path: string, run: string, fault: Fault, extra: string[] = []) {
  return [
    `${method} ${path} HTTP/1.1`,
    'Host: brisk.test',
    `x-run: ${run}`,
    `x-fault: ${fault}`,
    ...extra,
  ]
    .concat('Connection: close')
    .join('\r\n')
}

/** Writes `bytes` and closes the connection as soon as they are on the wire. */
function writeThenVanish(baseUrl: string, bytes: string): Promise<void> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) })
    socket.on('connect', () => socket.write(bytes, () => socket.destroy()))
    socket.on('close', () => resolve())
    socket.on('error', () => {})
  })
}

async function send(
  baseUrl: string,
  run: string,
  kind: Kind,
  fault: Fault,
): Promise<Outcome | undefined> {
  const exchange = (text: string, payload = '') =>
    rawExchange(baseUrl, {
      head: text,
      body: new TextEncoder().encode(payload),
      endAfterWrite: false,
      expectsNoBody: false,
    })
  const json = ['Content-Type: application/json', `Content-Length: ${body.length}`]
  switch (kind) {
    case 'ok':
      return exchange(head('GET', '/faults/ok', run, fault))
    case 'throw':
      return exchange(head('GET', '/faults/throw', run, fault))
    case 'body':
      return exchange(head('POST', '/faults/body', run, fault, json), body)
    case 'cut-stream':
      // The raw client reads a streamed response's first bytes, then closes the connection.
      return exchange(head('GET', '/faults/stream', run, fault))
    case 'abort-body':
      // A third of the declared body, then gone. Brisk reads the body before any dependency runs,
      // so these set nothing up: what counts is that nothing is left open.
      await writeThenVanish(
        baseUrl,
        `${head('POST', '/faults/body', run, fault, json)}\r\n\r\n${body.slice(0, 70)}`,
      )
      return undefined
    case 'abort-slow':
      await writeThenVanish(baseUrl, `${head('GET', '/faults/slow', run, fault)}\r\n\r\n`)
      return undefined
  }
}

async function readStats(baseUrl: string, run: string) {
  const outcome = await rawExchange(baseUrl, {
    head: `GET /faults/stats/${run} HTTP/1.1\r\nHost: brisk.test\r\nConnection: close`,
    body: new Uint8Array(),
    endAfterWrite: false,
    expectsNoBody: false,
  })
  if (outcome.kind !== 'response' || outcome.status !== 200)
    throw new Error(`stats: ${JSON.stringify(outcome)}`)
  return JSON.parse(outcome.body) as {
    setups: number
    teardowns: number
    repeated: number
    open: number
  }
}

export function defineTeardownFaultsSuite({
  runtime,
  lacks = {},
  start,
}: TeardownFaultsOptions): void {
  const kinds = KINDS.filter((kind) => lacks[kind] === undefined)
  let target: StartedFaultsTarget | undefined

  describe(`${runtime} teardown under faults`, () => {
    beforeAll(async () => {
      target = await start()
    })
    afterAll(async () => {
      await target?.stop()
    })

    for (const [kind, reason] of Object.entries(lacks)) {
      it.skip(`${kind} requests [skipped on ${runtime}: ${reason}]`, () => {})
    }

    it(`${kinds.length * FAULTS.length * REPEATS} concurrent requests that throw, fail in set-up and teardown, and abort: every set-up gets exactly one teardown`, async () => {
      const { baseUrl } = target!
      // One run id per kind of request, so a failure names the kind that lost a teardown.
      const base = crypto.randomUUID()
      const runOf = (kind: Kind) => `${base}-${kind}`
      const plan = Array.from({ length: REPEATS }, () =>
        kinds.flatMap((kind) => FAULTS.map((fault) => ({ kind, fault }))),
      ).flat()
      const wrong: string[] = []
      let completed = 0
      const queue = [...plan]
      const worker = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { kind, fault } = next
          const outcome = await send(baseUrl, runOf(kind), kind, fault)
          const expected = expectedStatus(kind, fault)
          if (expected === undefined) continue
          completed++
          const status = outcome?.kind === 'response' ? outcome.status : outcome?.kind
          if (status !== expected) wrong.push(`${kind} [${fault}]: ${status}, expected ${expected}`)
        }
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
      expect(wrong).toEqual([])

      // Teardown follows the response (and a cut stream's next write): wait until none is open.
      const allStats = async () =>
        Object.fromEntries(
          await Promise.all(
            kinds.map(async (kind) => [kind, await readStats(baseUrl, runOf(kind))] as const),
          ),
        )
      await eventually(async () => {
        const byKind = await allStats()
        expect(
          Object.values(byKind).map((stats) => stats.open),
          JSON.stringify(byKind),
        ).toEqual(kinds.map(() => 0))
      }, 20_000)
      // Read again: a teardown that ran twice, late, would show now.
      const byKind = await allStats()
      const setups = Object.values(byKind).reduce((sum, stats) => sum + stats.setups, 0)
      // Three resources per request that reached its dependencies; every completed one did.
      expect(setups).toBeGreaterThanOrEqual(completed * 3)
      expect(setups).toBeLessThanOrEqual(plan.length * 3)
      for (const kind of ['ok', 'throw', 'body'] as const)
        expect(byKind[kind]?.setups, kind).toBe(FAULTS.length * REPEATS * 3)
      for (const [kind, stats] of Object.entries(byKind)) {
        expect({ kind, ...stats }).toEqual({
          kind,
          setups: stats.setups,
          teardowns: stats.setups,
          repeated: 0,
          open: 0,
        })
      }
    })
  })
}
