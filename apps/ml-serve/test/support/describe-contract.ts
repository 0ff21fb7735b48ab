/** Registers each case of the contract as a test against one started target. */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { type MlTarget, mlCases } from '../contract.ts'

/** A started ml-serve: how to reach it, and how to stop it. */
export interface StartedServer {
  fetch(request: Request): Promise<Response>
  stop(): Promise<unknown>
  /** `ws://host:port`, where a real server can upgrade WebSockets. */
  readonly websocketUrl?: string
}

export interface ContractOptions {
  readonly apiKey: string
  start(): Promise<StartedServer>
  /** Further tests of this target only (run after the contract's cases). */
  readonly more?: Readonly<Record<string, (target: MlTarget) => Promise<void>>>
}

/** Starts the target once, runs every case as a test, stops it afterwards. */
export function describeContract(title: string, options: ContractOptions): void {
  describe(title, () => {
    let started: StartedServer | undefined
    const target: MlTarget = {
      fetch: (request) => {
        if (!started) throw new Error(`${title}: the server did not start`)
        return started.fetch(request)
      },
      apiKey: options.apiKey,
      get websocketUrl() {
        return started?.websocketUrl
      },
    }
    beforeAll(async () => {
      started = await options.start()
    })
    afterAll(async () => {
      await started?.stop()
    })
    for (const mlCase of mlCases) it(mlCase.name, () => mlCase.run(target))
    for (const [name, run] of Object.entries(options.more ?? {})) it(name, () => run(target))
  })
}
