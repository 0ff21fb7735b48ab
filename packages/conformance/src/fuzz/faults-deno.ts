/** Deno server entry for the teardown-under-faults test: serves the faults app on a free port. */
import { serve } from '@brisk/router/deno'
import { faultsApp } from './faults-app.ts'

await serve(faultsApp, {
  port: 0,
  onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}`),
})
