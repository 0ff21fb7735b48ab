/** What every docs browser test does: serve the app on a loopback port, open a page fenced to it. */

import type { BriskApp } from '@brisk/router'
import { type NodeServer, serve } from '@brisk/router/node'
import type { Browser, Page } from 'playwright-core'

/** Serves `app` on a free loopback port, without signal handlers (the test stops it). */
export async function serveOnLoopback(
  app: BriskApp,
): Promise<{ server: NodeServer; origin: string }> {
  let port = 0
  const server = await serve(app, {
    port: 0,
    hostname: '127.0.0.1',
    signals: [],
    exit: false,
    onListen: (info) => {
      port = info.port
    },
  })
  return { server, origin: `http://127.0.0.1:${port}` }
}

/**
 * Opens `path` in a new context that may reach only `origin`: anything else is aborted and
 * recorded in `outside` (the docs must work offline). `browser` may be the launch error, thrown
 * here so that each browser test fails rather than skips.
 */
export async function openFencedPage(
  browser: Browser | Error,
  origin: string,
  path: string,
): Promise<{ page: Page; outside: string[] }> {
  if (browser instanceof Error) throw browser
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  const outside: string[] = []
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    if (url.origin === origin) return route.continue()
    outside.push(url.href)
    return route.abort('blockedbyclient')
  })
  await page.goto(`${origin}${path}`, { waitUntil: 'load' })
  return { page, outside }
}
