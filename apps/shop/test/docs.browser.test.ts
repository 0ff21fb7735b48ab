/**
 * The shop's docs in a real browser (Chromium from npm through playwright-core): sign up with
 * Scalar's client (a JSON body), sign in through Scalar's OAuth2 password form with `items:write`
 * (a real POST /auth/token against the database), and create an item — and the page reaches
 * nothing but the app. (Filling a path parameter in Scalar's client proved flaky under automation:
 * it sometimes sends the literal `{item_id}`; not tested here.)
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import type { NodeServer } from '@brisk/router/node'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  openFencedPage,
  serveOnLoopback,
} from '../../../packages/openapi/test/support/docs-browser.ts'
import { launchChromiumOrError } from '../../../packages/openapi/test/support/launch-browser.ts'
import { app } from '../src/app.ts'
import { dialect } from '../src/db/dialect.ts'
import { sqliteNode } from '../src/db/sqlite-node.ts'

const reports = fileURLToPath(new URL('../../../reports/', import.meta.url))

let server: NodeServer
/** Or why there is none: `openDocs` throws it, so each browser test fails (not skips). */
let browser: Browser | Error
let origin: string

beforeAll(async () => {
  // As src/node.ts does, on an in-memory database.
  app.override(dialect, sqliteNode(':memory:'))
  docs(app, { scalar: localScalar(), title: 'Brisk shop' })
  const served = await serveOnLoopback(app)
  server = served.server
  origin = served.origin
  browser = await launchChromiumOrError()
})

afterAll(async () => {
  if (browser && !(browser instanceof Error)) await browser.close()
  await server?.close()
  app.clearOverrides()
})

/** The docs page, allowed to reach only the app: anything else is aborted and recorded. */
const openDocs = () => openFencedPage(browser, origin, '/docs')

/** Opens an operation's request panel from the sidebar (its tag group first). */
async function openClient(
  page: Page,
  group: string,
  summary: string,
  method: string,
  path: string,
) {
  const sidebar = page.getByRole('navigation')
  const operationButton = sidebar.getByRole('button', {
    name: new RegExp(`^${summary} HTTP Method`),
  })
  if (!(await operationButton.isVisible())) {
    await sidebar.getByRole('button', { name: new RegExp(`^${group} Open Group`) }).click()
  }
  await operationButton.click()
  const operation = page.getByRole('region', { name: summary, exact: true })
  await operation
    .getByRole('button', {
      name: new RegExp(`^Test Request\\s*\\(${method} ${escapePath(path)}\\)$`),
    })
    .click()
  return page.getByRole('dialog', { name: 'API Client' })
}

const escapePath = (text: string) => text.replace(/[{}/]/g, (c) => `\\${c}`)

/** Replaces the JSON editor's text, waiting until Scalar's request state has it (the snippet). */
async function typeBody(page: Page, client: Locator, text: string, marker: string) {
  const body = client.getByRole('region', { name: 'Request Body' }).getByRole('textbox')
  await body.click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.insertText(text)
  const snippet = client.getByRole('region', { name: /Code Snippet/ })
  // Scalar keeps the snippet open or collapsed from one operation to the next.
  if ((await snippet.textContent())?.includes('(Collapsed)')) {
    await snippet.getByRole('button', { name: /Code Snippet/ }).click()
  }
  await expect.poll(() => snippet.textContent(), { timeout: 5_000 }).toContain(marker)
}

function answerTo(page: Page, method: string, path: string) {
  return page.waitForResponse(
    (response) =>
      response.url() === `${origin}${path}` && response.request().method() === method.toUpperCase(),
  )
}

// A page, Scalar and several requests: slow on a loaded 2-core machine.
describe('the shop docs in chromium', { timeout: 90_000 }, () => {
  it("signs up by sending POST /users's JSON body from Scalar's request panel", async () => {
    const { page, outside } = await openDocs()
    const signUp = await openClient(page, 'users', 'Sign up', 'post', '/users')
    await typeBody(
      page,
      signUp,
      '{"username": "grace", "email": "grace@example.com", "password": "hopper-1906"}',
      'hopper-1906',
    )
    const signedUp = answerTo(page, 'post', '/users')
    await signUp.getByRole('button', { name: `Send post request to ${origin}/users` }).click()
    const answer = await signedUp
    expect(answer.status()).toBe(201)
    expect(await answer.json()).toMatchObject({ username: 'grace', scopes: ['items:write'] })
    await signUp.getByRole('region', { name: 'Response' }).getByText('201 Created').waitFor()
    expect(outside).toEqual([])
  })

  it('signs in with items:write through the OAuth2 form, and creates an item', async () => {
    // A user of its own, made through the API: this test does not depend on the one above.
    const made = await fetch(`${origin}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'ada',
        email: 'ada@example.com',
        password: 'lovelace-1815',
      }),
    })
    expect(made.status).toBe(201)
    const { page, outside } = await openDocs()
    const client = await openClient(page, 'items', 'Create an item', 'post', '/items')
    const auth = client.getByRole('region', { name: /Authentication/ })
    await auth.getByRole('button', { name: /Selected Auth Type:\s*OAuth2/ }).waitFor()
    const field = (label: string) =>
      auth.locator('tr').filter({ has: page.locator('label', { hasText: label }) })
    await field('Username').getByRole('textbox').fill('ada')
    await field('Password').getByRole('textbox').fill('lovelace-1815')
    const tokenResponse = answerTo(page, 'post', '/auth/token')
    await auth.getByRole('button', { name: 'Authorize' }).click()
    const token = await tokenResponse
    expect(new URLSearchParams(token.request().postData() ?? '').get('scope')).toBe('items:write')
    expect(token.status()).toBe(200)
    const issued = (await token.json()) as { access_token: string }
    await expect
      .poll(() => field('Access Token').getByRole('textbox').inputValue(), { timeout: 10_000 })
      .toBe(issued.access_token)

    await typeBody(page, client, '{"name": "lamp", "price": 3, "tags": ["home"]}', 'lamp')
    const created = answerTo(page, 'post', '/items')
    await client.getByRole('button', { name: `Send post request to ${origin}/items` }).click()
    const answer = await created
    expect(answer.request().headers().authorization).toBe(`Bearer ${issued.access_token}`)
    expect(answer.status()).toBe(201)
    const item = (await answer.json()) as { id: number }
    expect(item).toMatchObject({ name: 'lamp', price: 3, tags: ['home'], owner: 'ada' })
    await client.getByRole('region', { name: 'Response' }).getByText('201 Created').waitFor()
    mkdirSync(reports, { recursive: true })
    await page.screenshot({ path: `${reports}shop-create-item.png`, animations: 'disabled' })
    expect(outside).toEqual([])
  })
})
