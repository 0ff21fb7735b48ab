/**
 * Many concurrent requests through request-scoped dependencies with random short delays: each gets
 * its own values, and the fake resource balances.
 */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { traced } from './di-trace.ts'
import { call, eventually, expectJson } from './http.ts'

const TOTAL = 1000
const BATCH = 100

export const concurrencyCases: Case[] = [
  {
    name: `${TOTAL} concurrent requests (${BATCH} at a time) each see only their own request-scoped values`,
    run: async (target) => {
      // One id for the batch: the resource's counters for it must reach TOTAL opened, TOTAL closed.
      const { id, headers } = traced()
      const mismatches: string[] = []
      for (let sent = 0; sent < TOTAL; sent += BATCH) {
        const tokens = Array.from({ length: BATCH }, () => crypto.randomUUID())
        // Each body is read as soon as its response arrives: held unread, Miniflare's bodies
        // can turn unusable before the batch completes.
        const outcomes = await Promise.all(
          tokens.map(async (token) => {
            const init = { headers: { ...headers, 'x-token': token } }
            const response = await call(target, '/di/concurrent', init)
            return { token, status: response.status, text: await response.text() }
          }),
        )
        for (const { token, status, text } of outcomes) {
          const expected = JSON.stringify({ header: token, token, seen: [token, token] })
          if (status !== 200 || text !== expected) {
            mismatches.push(`${status} ${text} (expected ${expected})`)
          }
        }
      }
      expect({ count: mismatches.length, first: mismatches.slice(0, 3) }).toEqual({
        count: 0,
        first: [],
      })
      await eventually(async () => {
        await expectJson(await call(target, `/di/stats/${id}`), 200, {
          opened: TOTAL,
          closed: TOTAL,
        })
      })
    },
  },
]
