/**
 * ml-serve on Deno: `deno serve -A --conditions=source src/deno.ts` (Deno serves the default
 * export). The model loads in the background (`/health`: `loading`, then `ready`).
 */
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import { app } from './app.ts'

docs(app, { scalar: localScalar(), title: 'Brisk ml-serve' })
await app.startup() // bad settings stop here, before listening

export default app
