/** Registers each case of the shop's contract as a test against one started target. */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { type ShopTarget, shopCases } from '../contract.ts'

/** A started shop: how to reach it, and how to stop it. */
export interface StartedShop {
  fetch(request: Request): Promise<Response>
  stop(): Promise<unknown>
}

export interface ContractOptions {
  /** The operators' key the shop is started with. */
  readonly adminKey: string
  /** Why the events case cannot run on this target, if it cannot (it is then listed as skipped). */
  readonly skipEvents?: string
  start(): Promise<StartedShop>
  /** Further tests of this target only, by name (run after the contract's cases). */
  readonly more?: Readonly<Record<string, (target: ShopTarget) => Promise<void>>>
}

/** Starts the shop once before the cases, runs each case as a test, stops it afterwards. */
export function describeContract(title: string, options: ContractOptions): void {
  describe(title, () => {
    let started: StartedShop | undefined
    const target: ShopTarget = {
      fetch: (request) => {
        if (!started) throw new Error(`${title}: the shop did not start`)
        return started.fetch(request)
      },
      adminKey: options.adminKey,
      ...(options.skipEvents === undefined ? {} : { skipEvents: options.skipEvents }),
    }
    beforeAll(async () => {
      started = await options.start()
    })
    afterAll(async () => {
      await started?.stop()
    })

    for (const shopCase of shopCases) {
      if (options.skipEvents && shopCase.name.includes('/items/events')) {
        it.skip(`${shopCase.name} [skipped: ${options.skipEvents}]`, () => {})
      } else {
        it(shopCase.name, () => shopCase.run(target))
      }
    }
    for (const [name, run] of Object.entries(options.more ?? {})) it(name, () => run(target))
  })
}
