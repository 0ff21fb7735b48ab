/**
 * Source text of generated apps for the type-checking benchmark: `count` routes, each with a path
 * param, a query param, its own JSON body schema, its own response schema and its own dependency,
 * written in Brisk, in Hono + `@hono/valibot-validator` (one chain, so the app's type accumulates
 * every route as Hono's RPC docs have users write it) and in Elysia (one chain, `t` schemas, the
 * dependency a `resolve` local to a `group`).
 */

/** The frameworks the benchmark generates apps for. */
export type Framework = 'brisk' | 'hono' | 'elysia'

const range = (count: number) => Array.from({ length: count }, (_, index) => index)

function brisk(count: number): string {
  const routes = range(count).map(
    (i) => `
const Body${i} = v.object({ name: v.pipe(v.string(), v.minLength(1)), qty${i}: v.number(), tags: v.array(v.string()) })
const Out${i} = v.object({ id: v.number(), name: v.string(), total: v.number(), tenant: v.string() })
const tenant${i} = dependency(() => ({ tenant: 't${i}' }))
const route${i} = post(
  '/r${i}/{id}',
  { params: { id: v.number() }, query: { page: v.optional(v.string()) }, body: Body${i}, response: Out${i}, deps: { ctx: tenant${i} } },
  ({ params, query, body, deps }) => ({ id: params.id, name: body.name, total: body.qty${i} * Number(query.page ?? '1'), tenant: deps.ctx.tenant }),
)`,
  )
  return `import { createApp, dependency, post } from '@brisk/router'
import * as v from 'valibot'
${routes.join('\n')}

export const app = createApp({ routes: [${range(count)
    .map((i) => `route${i}`)
    .join(', ')}] })
`
}

function hono(count: number): string {
  const schemas = range(count).map(
    (i) => `
const Body${i} = v.object({ name: v.pipe(v.string(), v.minLength(1)), qty${i}: v.number(), tags: v.array(v.string()) })
const Out${i} = v.object({ id: v.number(), name: v.string(), total: v.number(), tenant: v.string() })
const tenant${i} = createMiddleware<{ Variables: { ctx: { tenant: string } } }>(async (c, next) => {
  c.set('ctx', { tenant: 't${i}' })
  await next()
})`,
  )
  const routes = range(count).map(
    (i) => `
  .post(
    '/r${i}/:id',
    tenant${i},
    vValidator('param', v.object({ id: v.pipe(v.string(), v.toNumber()) })),
    vValidator('query', v.object({ page: v.optional(v.string()) })),
    vValidator('json', Body${i}),
    (c) => {
      const body = c.req.valid('json')
      const total = body.qty${i} * Number(c.req.valid('query').page ?? '1')
      return c.json(v.parse(Out${i}, { id: c.req.valid('param').id, name: body.name, total, tenant: c.var.ctx.tenant }))
    },
  )`,
  )
  return `import { vValidator } from '@hono/valibot-validator'
import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import * as v from 'valibot'
${schemas.join('\n')}

export const app = new Hono()${routes.join('')}

export type AppType = typeof app
`
}

function elysia(count: number): string {
  const schemas = range(count).map(
    (i) => `
const Body${i} = t.Object({ name: t.String({ minLength: 1 }), qty${i}: t.Number(), tags: t.Array(t.String()) })
const Out${i} = t.Object({ id: t.Number(), name: t.String(), total: t.Number(), tenant: t.String() })`,
  )
  const routes = range(count).map(
    (i) => `
  .group('/r${i}', (group) =>
    group
      .resolve(() => ({ ctx: { tenant: 't${i}' } }))
      .post(
        '/:id',
        ({ params, query, body, ctx }) => ({ id: params.id, name: body.name, total: body.qty${i} * Number(query.page ?? '1'), tenant: ctx.tenant }),
        { params: t.Object({ id: t.Number() }), query: t.Object({ page: t.Optional(t.String()) }), body: Body${i}, response: Out${i} },
      ),
  )`,
  )
  return `import { Elysia, t } from 'elysia'
${schemas.join('\n')}

export const app = new Elysia()${routes.join('')}

export type App = typeof app
`
}

/**
 * The source of `client.ts`: every route of the generated app called once through the framework's
 * typed client, reading a typed field of the answer — `@brisk/client` for Brisk, `hc` for Hono.
 */
export function generateClient(framework: 'brisk' | 'hono', count: number): string {
  if (framework === 'brisk') {
    const calls = range(count).map(
      (i) => `
  const r${i} = await api['/r${i}/{id}'].post({ params: { id: ${i} }, query: { page: '1' }, body: { name: 'x', qty${i}: 1, tags: [] } })
  if (r${i}.status === 200) total += r${i}.data.total`,
    )
    return `import { createClient } from '@brisk/client'
import type { app } from './app.ts'

export const api = createClient<typeof app>('http://127.0.0.1:8000')

export async function callAll(): Promise<number> {
  let total = 0${calls.join('')}
  return total
}
`
  }
  const calls = range(count).map(
    (i) => `
  const r${i} = await api.r${i}[':id'].$post({ param: { id: '${i}' }, query: { page: '1' }, json: { name: 'x', qty${i}: 1, tags: [] } })
  if (r${i}.ok) total += (await r${i}.json()).total`,
  )
  return `import { hc } from 'hono/client'
import type { AppType } from './app.ts'

export const api = hc<AppType>('http://127.0.0.1:8000')

export async function callAll(): Promise<number> {
  let total = 0${calls.join('')}
  return total
}
`
}

/** The source of `app.ts` for `framework` with `count` routes. */
export function generateApp(framework: Framework, count: number): string {
  return { brisk, hono, elysia }[framework](count)
}

/**
 * The `tsconfig.json` beside it: strict, `skipLibCheck`, bundler resolution. With `source`, Brisk
 * resolves to the workspace `src` (its own code is checked too); without, to the built `.d.ts` a
 * user installing from npm gets, like the peers.
 */
export function generateTsconfig(source: boolean, files: readonly string[] = ['app.ts']): string {
  const compilerOptions = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    allowImportingTsExtensions: true,
    ...(source ? { customConditions: ['source'] } : {}),
  }
  return `${JSON.stringify({ compilerOptions, files }, null, 2)}\n`
}
