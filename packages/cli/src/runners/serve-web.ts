/**
 * The shared half of the Bun and Deno runners: import the app module, start the app, and build the
 * logged `fetch` and the banner. Web standards plus `process`, which both runtimes provide.
 */
import { type BriskApp, logRequests } from '@brisk/router'
import { banner } from '../banner.ts'
import { appOf, notAnAppMessage } from '../is-brisk-app.ts'
import type { ServeOptions } from '../serve-options.ts'

export interface PreparedApp {
  readonly app: BriskApp
  readonly fetch: (request: Request) => Response | Promise<Response>
  /** Prints the banner (when asked for) for the address actually bound. */
  readonly listening: (host: string, port: number) => void
}

/** Imports the entry and starts the app; exits 1 with a message when there is no app. */
export async function prepareApp(options: ServeOptions, runtime: string): Promise<PreparedApp> {
  let module: Record<string, unknown>
  try {
    module = await import(new URL(`file://${options.entry}`).href)
  } catch (error) {
    console.error(`brisk: Could not load ${options.entryLabel}:\n`, error)
    process.exit(1)
  }
  const app = appOf(module)
  if (!app) {
    console.error(`brisk: ${notAnAppMessage(options.entryLabel, module)}`)
    process.exit(1)
  }
  await app.startup()
  const fetch = options.log === 'off' ? app.fetch : logRequests(app.fetch, { format: options.log })
  const listening = (host: string, port: number) => {
    if (options.banner)
      console.log(
        banner({ title: `brisk run (${runtime})`, entry: options.entryLabel, host, port, app }),
      )
  }
  return { app, fetch, listening }
}
