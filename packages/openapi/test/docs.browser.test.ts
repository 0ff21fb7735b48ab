/**
 * The docs in a real browser (Chromium from npm through playwright-core: support/launch-browser.ts):
 * a Brisk app serves its OpenAPI document, the docs page and the self-hosted Scalar script over HTTP
 * on 127.0.0.1; the page must list every operation, send a request to the app with Scalar's client, run under the
 * Content-Security-Policy docs() sets (no violation but zod's `eval` probe), and try to reach nothing but the app.
 */
import { mkdirSync } from 'node:fs'
import { createApp, dependency, get, HTTPException, post } from '@brisk/router'
import { type NodeServer, serve } from '@brisk/router/node'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import * as v from 'valibot'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { localScalar } from '../src/adapter/node/scalar-local.ts'
import { docs } from '../src/docs.ts'
import { openapi } from '../src/openapi.ts'
import { launchChromiumOrError } from './support/launch-browser.ts'

const Item = v.object({ id: v.number(), name: v.string() })
const items = [
  { id: 1, name: 'Hammer' },
  { id: 2, name: 'Wrench' },
]

/** Declares the OAuth2 password flow the way an auth dependency does (its `security`). */
const signedIn = dependency(
  {
    name: 'signedIn',
    security: {
      schemes: {
        OAuth2: { type: 'oauth2', flows: { password: { tokenUrl: '/token', scopes: {} } } },
      },
      requirements: [{ OAuth2: [] }],
      credentials: [{ in: 'headers', name: 'authorization' }],
    },
  },
  () => undefined,
)

const routes = [
  post(
    '/token',
    {
      body: { grant_type: v.optional(v.string()), username: v.string(), password: v.string() },
      bodyType: 'form',
      summary: 'Sign in',
    },
    ({ body }) => {
      if (body.username !== 'ada' || body.password !== 'secret') {
        throw new HTTPException(400, 'Incorrect username or password')
      }
      return { access_token: 'token-for-ada', token_type: 'bearer' }
    },
  ),
  get('/me', { dependencies: [signedIn], summary: 'Read me' }, ({ request }) => {
    if (request.headers.get('authorization') !== 'Bearer token-for-ada') {
      throw new HTTPException(401, 'Not authenticated', { 'www-authenticate': 'Bearer' })
    }
    return { username: 'ada' }
  }),
  get('/items', { response: v.array(Item), summary: 'List items', tags: ['items'] }, () => items),
  get(
    '/items/{item_id}',
    { params: { item_id: v.number() }, response: Item, summary: 'Read an item', tags: ['items'] },
    ({ params }) => items.find((item) => item.id === params.item_id) ?? items[0]!,
  ),
  post(
    '/items',
    {
      body: v.object({ name: v.string() }),
      response: Item,
      status: 201,
      summary: 'Create an item',
    },
    ({ body }) => ({ id: 3, name: body.name }),
  ),
]

const app = createApp({ routes })
let server: NodeServer
/** Or why there is none: `openDocs` throws it, so each browser test fails (not skips). */
let browser: Browser | Error
let origin: string
const contexts: BrowserContext[] = []

beforeAll(async () => {
  openapi(app, { info: { title: 'Docs test', version: '1.0.0' } })
  // No CSP of the test's own: the page must work under the one docs() sets.
  docs(app, { scalar: localScalar(), title: 'Docs test' })

  let port = 0
  server = await serve(app, {
    port: 0,
    hostname: '127.0.0.1',
    signals: [],
    exit: false,
    onListen: (info) => {
      port = info.port
    },
  })
  origin = `http://127.0.0.1:${port}`
  browser = await launchChromiumOrError()
})

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()))
})

afterAll(async () => {
  if (browser && !(browser instanceof Error)) await browser.close()
  await server?.close()
})

/** A page that may only reach the app: anything else is aborted and recorded. */
async function openDocs(): Promise<{ page: Page; outside: string[]; violations: string[] }> {
  if (browser instanceof Error) throw browser
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  contexts.push(context)
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  const outside: string[] = []
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.origin === origin) return route.continue()
    outside.push(url.href)
    return route.abort('blockedbyclient')
  })
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void })
        .reportViolation
      report(`${event.violatedDirective} ${event.blockedURI}`)
    })
  })
  await page.goto(`${origin}/docs`, { waitUntil: 'load' })
  return { page, outside, violations }
}

// A page, Scalar and several requests: slow on a loaded 2-core machine (13 s seen in a full run).
describe('the docs page in chromium', { timeout: 60_000 }, () => {
  it('lists every operation and sends a GET to the app with the "Test Request" client', async () => {
    const { page, outside, violations } = await openDocs()

    const sidebar = page.getByRole('navigation')
    for (const operation of app.operations) {
      await sidebar.getByRole('button', { name: operation.summary ?? operation.path }).waitFor()
    }

    await sidebar.getByRole('button', { name: 'List items' }).click()
    const operation = page.getByRole('region', { name: 'List items', exact: true })
    await operation.getByRole('button', { name: /^Test Request\s*\(get \/items\)$/ }).click()
    const client = page.getByRole('dialog', { name: 'API Client' })
    // The accessible name spells out the target: the page's own origin, not a documented server.
    const send = client.getByRole('button', { name: `Send get request to ${origin}/items` })
    const answered = page.waitForResponse(
      (response) => response.url() === `${origin}/items` && response.request().method() === 'GET',
    )
    await send.click()
    expect((await answered).status()).toBe(200)
    const result = client.getByRole('region', { name: 'Response' })
    await result.getByText('200 OK').waitFor()
    await result.getByText('"Wrench"').waitFor()

    mkdirSync('reports', { recursive: true })
    await page.screenshot({ path: 'reports/docs.png', animations: 'disabled' })
    expect(outside).toEqual([])
    // zod (inside Scalar) probes `new Function('')` in a try/catch and falls back when CSP says no.
    expect(violations.filter((violation) => violation !== 'script-src eval')).toEqual([])
  })

  it('signs in with the OAuth2 password flow, then sends the bearer token', async () => {
    const { page, outside, violations } = await openDocs()
    await page.getByRole('navigation').getByRole('button', { name: 'Read me' }).click()
    const operation = page.getByRole('region', { name: 'Read me', exact: true })
    await operation.getByRole('button', { name: /^Test Request\s*\(get \/me\)$/ }).click()
    const client = page.getByRole('dialog', { name: 'API Client' })
    const auth = client.getByRole('region', { name: /Authentication/ })
    await auth.getByRole('button', { name: /Selected Auth Type:\s*OAuth2/ }).waitFor()
    const field = (label: string) =>
      auth.locator('tr').filter({ has: page.locator('label', { hasText: label }) })
    await field('Username').getByRole('textbox').fill('ada')
    await field('Password').getByRole('textbox').fill('secret')
    const token = page.waitForResponse(
      (response) => response.url() === `${origin}/token` && response.request().method() === 'POST',
    )
    await auth.getByRole('button', { name: 'Authorize' }).click()
    expect((await token).status()).toBe(200)
    // Once signed in, the form shows the token it will send.
    await expect
      .poll(() => field('Access Token').getByRole('textbox').inputValue(), { timeout: 10_000 })
      .toBe('token-for-ada')

    const me = page.waitForResponse((response) => response.url() === `${origin}/me`)
    await client.getByRole('button', { name: `Send get request to ${origin}/me` }).click()
    const answer = await me
    expect(answer.request().headers().authorization).toBe('Bearer token-for-ada')
    expect(answer.status()).toBe(200)
    const result = client.getByRole('region', { name: 'Response' })
    await result.getByText('200 OK').waitFor()
    await result.getByText('"ada"').waitFor()
    expect(outside).toEqual([])
    expect(violations.filter((violation) => violation !== 'script-src eval')).toEqual([])
  })

  it('serves the script with an ETag: revalidating with it gets a 304', async () => {
    const first = await fetch(`${origin}/docs/scalar.js`)
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(first.headers.get('cache-control')).toBe('public, max-age=604800')
    // fetch asks for gzip and decodes it: the bundle crossed the socket compressed.
    expect(first.headers.get('content-encoding')).toBe('gzip')
    expect(first.headers.get('vary')).toBe('accept-encoding')
    expect((await first.text()).length).toBeGreaterThan(1_000_000)
    const etag = first.headers.get('etag')!
    const again = await fetch(`${origin}/docs/scalar.js`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
  })
})
