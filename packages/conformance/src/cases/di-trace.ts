/** Helpers for the dependency-injection cases: a request id per case, and reading back its trace. */
import { expect } from 'vitest'
import type { Target } from '../target.ts'
import { call, eventually, expectJson } from './http.ts'

/** A new request id and the headers that send it. */
export function traced(): { id: string; headers: Record<string, string> } {
  const id = crypto.randomUUID()
  return { id, headers: { 'x-request-id': id } }
}

/** The three layers of the fixture's dependency chain opening, outermost first. */
export const opened = ['open:resource', 'open:session', 'open:unit']
/** …and closing: newest first. */
export const closed = ['close:unit', 'close:session', 'close:resource']

async function expectState(target: Target, id: string, events: string[], opens: number) {
  await expectJson(await call(target, `/di/log/${id}`), 200, { events })
  await expectJson(await call(target, `/di/stats/${id}`), 200, { opened: opens, closed: opens })
}

/**
 * Waits (bounded) until the id's event log is exactly `events` and the fake resource was opened
 * and closed `opens` times, then reads both again: teardown that ran twice would show by then.
 */
export async function expectSettled(target: Target, id: string, events: string[], opens = 1) {
  await eventually(() => expectState(target, id, events, opens))
  await expectState(target, id, events, opens)
}

/** Waits (bounded) until the id's event log starts with `events`. */
export async function waitForEvents(target: Target, id: string, events: string[]) {
  await eventually(async () => {
    const response = await call(target, `/di/log/${id}`)
    const body = (await response.json()) as { events: string[] }
    expect(body.events.slice(0, events.length)).toEqual(events)
  })
}
