/** Bun server entry for the conformance runner: serves the fixture on a free loopback port. */
import { app } from './fixture.ts'

declare const Bun: {
  serve(options: { port: number; hostname: string; fetch: typeof app.fetch }): { port: number }
}

const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch })
console.log(`listening on http://127.0.0.1:${server.port}`)
