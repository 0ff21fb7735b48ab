/** The soak's server process: the soak app on Brisk's Node adapter, on a free loopback port. */
import { serve } from '@brisk/router/node'
import { createSoakApp } from './soak-app.ts'

await serve(createSoakApp(), {
  port: 0,
  hostname: '127.0.0.1',
  onListen: ({ url }) => console.log(`listening on ${url}`),
})
