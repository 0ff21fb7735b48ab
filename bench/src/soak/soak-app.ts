/**
 * The app the soak holds under load: the bench's routes (user, item, JWT) and two endless streams,
 * each request with a counted request-scoped resource (set-up and teardown), and a stats route
 * reporting memory and those counts.
 */
import { createApp, dependency, get, post } from '@brisk/router'
import * as v from 'valibot'
import { readMe } from '../apps/brisk.ts'
import { Fields, ItemIn, ItemOut, storeItem, UserId, userView } from '../schemas.ts'

/** Set-ups and teardowns of the request resource since the server started. */
const counts = { setups: 0, teardowns: 0, streamsCancelled: 0 }

/** A request-scoped resource whose teardown must run however the request ends. */
const resource = dependency({ name: 'resource' }, async function* () {
  counts.setups++
  try {
    yield { opened: Date.now() }
  } finally {
    counts.teardowns++
  }
})

const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

/** Up to 10 minutes of items, one per 20 ms: the client is expected to cut it off. */
async function* endless() {
  let finished = false
  try {
    for (let n = 0; n < 30_000; n++) {
      yield { n }
      await tick()
    }
    finished = true
  } finally {
    if (!finished) counts.streamsCancelled++
  }
}

declare const gc: (() => void) | undefined

export function createSoakApp() {
  return createApp({
    routes: [
      get(
        '/users/{id}',
        { params: { id: UserId }, query: { fields: Fields }, deps: { resource } },
        ({ params, query }) => userView(params.id, query.fields),
      ),
      post(
        '/items',
        { body: ItemIn, status: 201, response: ItemOut, deps: { resource } },
        ({ body }) => storeItem(body),
      ),
      readMe,
      get('/stream/sse', { stream: 'sse', deps: { resource } }, endless),
      get('/stream/ndjson', { stream: 'ndjson', deps: { resource } }, endless),
      get('/soak/stats', { query: { gc: v.optional(v.boolean(), false) } }, ({ query }) => {
        // `?gc=true` collects first (the server runs with --expose-gc), so heaps compare live data.
        if (query.gc && typeof gc === 'function') gc()
        const memory = process.memoryUsage()
        return {
          ...counts,
          rss: memory.rss,
          heapUsed: memory.heapUsed,
          heapTotal: memory.heapTotal,
        }
      }),
    ],
  })
}
