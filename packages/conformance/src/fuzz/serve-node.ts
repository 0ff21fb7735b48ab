/**
 * Node server entry for the long fuzz pass: serves the fixture in a process of its own, so the
 * memory the fuzzer reads is the server's alone. Run from `dist` (Node does not run TypeScript).
 */
import { serve } from '@brisk/router/node'
import { CONFORMANCE_ENV } from '../fixture/runtime-routes.ts'
import { app } from '../fixture.ts'

Object.assign(process.env, CONFORMANCE_ENV)
await serve(app, {
  port: 0,
  hostname: '127.0.0.1',
  onListen: ({ url }) => console.log(`listening on ${url}`),
})
