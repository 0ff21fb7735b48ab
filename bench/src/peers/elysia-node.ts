/** Elysia on Node through `@elysiajs/node`, as its docs show; the app is `elysia-http-app.ts`. */
import { node } from '@elysiajs/node'
import { createElysiaHttpApp } from './elysia-http-app.ts'

/** Builds the Elysia app (S1, S2, S3, S4, S6) on the Node adapter. */
export function createElysiaApp() {
  return createElysiaHttpApp({ adapter: node() })
}

export function listen(port: number, hostname: string): Promise<void> {
  return new Promise((resolve) => {
    createElysiaApp().listen({ port, hostname }, () => resolve())
  })
}
