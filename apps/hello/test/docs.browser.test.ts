/**
 * The hello app's docs in a real browser (Chromium from npm through playwright-core): sign in
 * through Scalar's OAuth2 password form as alice with the `items:write` scope (a real POST /token),
 * then create an item with Scalar's client; and sign in by sending POST /token itself from Scalar's
 * request panel (its documented form body) — and the page reaches nothing but the app.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import type { NodeServer } from '@brisk/router/node'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  openFencedPage,
  serveOnLoopback,
} from '../../../packages/openapi/test/support/docs-browser.ts'
import { launchChromiumOrError } from '../../../packages/openapi/test/support/launch-browser.ts'
import { app } from '../src/app.ts'

const reports = fileURLToPath(new URL('../../../reports/', import.meta.url))

let server: NodeServer
/** Or why there is none: `openDocs` throws it, so each browser test fails (not skips). */
let browser: Browser | Error
let origin: string

beforeAll(async () => {
  // As src/node.ts does: the docs page with the self-hosted Scalar bundle.
  docs(app, { scalar: localScalar(), title: 'Brisk hello' })
  const served = await serveOnLoopback(app)
  server = served.server
  origin = served.origin
  browser = await launchChromiumOrError()
})

afterAll(async () => {
  if (browser && !(browser instanceof Error)) await browser.close()
  await server?.close()
})

/** The docs page, allowed to reach only the app: anything else is aborted and recorded. */
const openDocs = () => openFencedPage(browser, origin, '/docs')

// A page, Scalar and several requests: slow on a loaded 2-core machine (17 s seen in a full run).
describe('the hello docs in chromium', { timeout: 60_000 }, () => {
  it('signs in as alice with items:write through the OAuth2 form, then creates an item', async () => {
    const { page, outside } = await openDocs()
    await page.getByRole('navigation').getByRole('button', { name: 'Create an item' }).click()
    const operation = page.getByRole('region', { name: 'Create an item', exact: true })
    await operation.getByRole('button', { name: /^Test Request\s*\(post \/items\)$/ }).click()
    const client = page.getByRole('dialog', { name: 'API Client' })

    const auth = client.getByRole('region', { name: /Authentication/ })
    await auth.getByRole('button', { name: /Selected Auth Type:\s*OAuth2/ }).waitFor()
    // The operation's required scope comes preselected from the document; only that one.
    await auth.getByRole('button', { name: /Scopes Selected 1 \/ 2/ }).click()
    const scope = (name: string) => auth.getByRole('row', { name: new RegExp(`^${name} `) })
    await expect.poll(() => scope('items:write').getByRole('checkbox').isChecked()).toBe(true)
    await expect.poll(() => scope('items:read').getByRole('checkbox').isChecked()).toBe(false)

    const field = (label: string) =>
      auth.locator('tr').filter({ has: page.locator('label', { hasText: label }) })
    await field('Username').getByRole('textbox').fill('alice')
    await field('Password').getByRole('textbox').fill('wonderland')
    const tokenResponse = page.waitForResponse(
      (response) => response.url() === `${origin}/token` && response.request().method() === 'POST',
    )
    await auth.getByRole('button', { name: 'Authorize' }).click()
    const token = await tokenResponse
    const sent = new URLSearchParams(token.request().postData() ?? '')
    expect(sent.get('grant_type')).toBe('password')
    expect(sent.get('username')).toBe('alice')
    expect(sent.get('scope')).toBe('items:write')
    expect(token.status()).toBe(200)
    const issued = (await token.json()) as { access_token: string; scope: string }
    expect(issued.scope).toBe('items:write')
    await expect
      .poll(() => field('Access Token').getByRole('textbox').inputValue(), { timeout: 10_000 })
      .toBe(issued.access_token)

    // Scalar prefills the body from the schema (an empty name, which the app refuses): replace it.
    const body = client.getByRole('region', { name: 'Request Body' }).getByRole('textbox')
    await body.click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.insertText('{"name": "lamp", "price": 3}')
    // The editor reaches Scalar's request state after a debounce: the code snippet shows when.
    const snippet = client.getByRole('region', { name: /Code Snippet/ })
    await snippet.getByRole('button', { name: /Code Snippet/ }).click()
    await expect.poll(() => snippet.textContent(), { timeout: 5_000 }).toContain('lamp')

    const created = page.waitForResponse(
      (response) => response.url() === `${origin}/items` && response.request().method() === 'POST',
    )
    await client.getByRole('button', { name: `Send post request to ${origin}/items` }).click()
    const answer = await created
    expect(answer.request().headers().authorization).toBe(`Bearer ${issued.access_token}`)
    expect(answer.status()).toBe(201)
    expect(await answer.json()).toEqual({
      id: expect.any(Number),
      name: 'lamp',
      price: 3,
      tags: [],
    })
    const result = client.getByRole('region', { name: 'Response' })
    await result.getByText('201 Created').waitFor()
    await result.getByText('"lamp"').waitFor()

    mkdirSync(reports, { recursive: true })
    await page.screenshot({ path: `${reports}hello-login.png`, animations: 'disabled' })
    expect(outside).toEqual([])
  })

  it("signs in as alice by sending POST /token's form from Scalar's request panel", async () => {
    const { page, outside } = await openDocs()
    const sidebar = page.getByRole('navigation')
    await sidebar.getByRole('button', { name: /^auth Open Group/ }).click()
    await sidebar.getByRole('button', { name: /^Issue an access token/ }).click()
    const operation = page.getByRole('region', { name: 'Issue an access token', exact: true })
    // The document publishes the token request as a form only, as the endpoint reads it.
    await operation
      .getByRole('group', { name: 'Request Body' })
      .getByText('application/x-www-form-urlencoded')
      .waitFor()
    await operation.getByRole('button', { name: /^Test Request\s*\(post \/token\)$/ }).click()
    const client = page.getByRole('dialog', { name: 'API Client' })

    // Scalar lists the form's fields from the schema, grant_type prefilled from its `const`.
    const body = client.getByRole('region', { name: 'Request Body' })
    await body.getByRole('button', { name: 'Form URL Encoded' }).waitFor()
    // A row's text is its key then its value (grant_type's value is "password": match the start).
    const value = (key: string) =>
      body
        .getByRole('row')
        .filter({ hasText: new RegExp(`^${key}`) })
        .getByRole('textbox')
        .nth(1)
    await expect.poll(() => value('grant_type').textContent()).toBe('password')
    await value('username').fill('alice')
    await value('password').fill('wonderland')
    // The fields reach Scalar's request state after a debounce: the code snippet shows when.
    const snippet = client.getByRole('region', { name: /Code Snippet/ })
    await snippet.getByRole('button', { name: /Code Snippet/ }).click()
    await expect.poll(() => snippet.textContent(), { timeout: 5_000 }).toContain('wonderland')

    const answered = page.waitForResponse(
      (response) => response.url() === `${origin}/token` && response.request().method() === 'POST',
    )
    await client.getByRole('button', { name: `Send post request to ${origin}/token` }).click()
    const answer = await answered
    expect(answer.request().headers()['content-type']).toMatch(
      /^application\/x-www-form-urlencoded/,
    )
    const sent = new URLSearchParams(answer.request().postData() ?? '')
    expect(sent.get('grant_type')).toBe('password')
    expect(sent.get('username')).toBe('alice')
    expect(sent.get('password')).toBe('wonderland')
    expect(answer.status()).toBe(200)
    const issued = (await answer.json()) as { access_token: string; token_type: string }
    expect(issued.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/) // a JWT
    expect(issued.token_type).toBe('Bearer')
    const result = client.getByRole('region', { name: 'Response' })
    await result.getByText('200 OK').waitFor()
    await result.getByText('access_token').first().waitFor()
    expect(outside).toEqual([])
  })
})
