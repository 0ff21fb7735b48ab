/** Deno server entry for the conformance runner: serves the fixture on a free loopback port. */
import { serve } from '@brisk/router/deno'
import { app } from './fixture.ts'

await serve(app, {
  port: 0,
  onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}`),
})
