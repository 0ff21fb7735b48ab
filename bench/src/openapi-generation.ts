/**
 * OpenAPI generation time for a 500-route app (target ≤ 100 ms): `createDocument` from scratch,
 * each run with a fresh schema converter, median of several runs. Appends to results/latest.md.
 */
import { appendFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { createDocument } from '@brisk/openapi'
import { createApp, get, post, type RouteNode, router } from '@brisk/router'
import * as v from 'valibot'

const ROUTES = 500
const quick = process.argv.includes('--quick')
const runs = quick ? 5 : 15

const Dimensions = v.object({ w: v.number(), h: v.number(), d: v.number() })
const Variant = v.object({ sku: v.string(), stock: v.pipe(v.number(), v.integer(), v.minValue(0)) })
const Item = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  price: v.pipe(v.number(), v.minValue(0)),
  tags: v.optional(v.array(v.string()), []),
  dimensions: Dimensions,
  variants: v.array(Variant),
})
const StoredItem = v.object({ id: v.number(), ...Item.entries })

/** 500 routes in 50 routers: reads with path and query parameters, writes with JSON bodies. */
function routes(): RouteNode[] {
  const groups: RouteNode[] = []
  for (let group = 0; group < ROUTES / 10; group++) {
    const children: RouteNode[] = []
    for (let index = 0; index < 10; index++) {
      children.push(
        index % 2 === 0
          ? get(
              `/items${index}/{id}`,
              {
                params: { id: v.pipe(v.number(), v.integer(), v.minValue(1)) },
                query: { fields: v.optional(v.string()), limit: v.optional(v.number(), 10) },
                response: StoredItem,
              },
              () => undefined as never,
            )
          : post(
              `/items${index}`,
              { body: Item, status: 201, response: StoredItem },
              () => undefined as never,
            ),
      )
    }
    groups.push(router({ prefix: `/g${group}`, tags: [`group${group}`] }, children))
  }
  return groups
}

const app = createApp({ routes: routes() })
const options = { info: { title: 'Synthetic', version: '1.0.0' }, schemas: { Item, StoredItem } }
const times: number[] = []
for (let run = 0; run <= runs; run++) {
  const start = performance.now()
  const document = createDocument(app, options)
  const elapsed = performance.now() - start
  if (Object.keys(document.paths).length !== ROUTES) throw new Error('wrong number of paths')
  if (run > 0) times.push(elapsed) // run 0 warms up the JIT
}
times.sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)]!
const line = `OpenAPI document for ${ROUTES} routes: median ${median.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${runs} runs (target ≤ 100 ms: ${median <= 100 ? 'met' : 'missed'})`
console.log(line)
await appendFile(new URL('../results/latest.md', import.meta.url), `\n${line}\n`)
