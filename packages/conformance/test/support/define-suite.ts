/** Registers every conformance case as its own test for one runtime (jose `tap/run.ts` style). */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { cases } from '../../src/cases/index.ts'
import type { Capability, Runtime, Target } from '../../src/target.ts'

/** A started copy of the fixture: how to reach it and how to stop it. */
export interface Started {
  fetch(request: Request): Promise<Response>
  baseUrl?: string
  websocketUrl?: string
  stop(): Promise<void>
}

export interface SuiteOptions {
  runtime: Runtime
  /** Each capability this runtime has, or the reason it lacks it. */
  capabilities: Record<Capability, true | string>
  start(): Promise<Started>
}

/** Starts the target once, runs each case as a test, stops the target afterwards. */
export function defineSuite({ runtime, capabilities, start }: SuiteOptions): void {
  const has = new Set(
    (Object.keys(capabilities) as Capability[]).filter((name) => capabilities[name] === true),
  )
  let started: Started | undefined
  const target: Target = {
    runtime,
    capabilities: has,
    fetch: (request) => {
      if (!started) throw new Error(`${runtime} target did not start`)
      return started.fetch(request)
    },
    get baseUrl() {
      return started?.baseUrl
    },
    get websocketUrl() {
      return started?.websocketUrl ?? started?.baseUrl?.replace(/^http/, 'ws')
    },
  }

  describe(runtime, () => {
    beforeAll(async () => {
      started = await start()
    })
    afterAll(async () => {
      await started?.stop()
    })

    for (const testCase of cases) {
      const missing = testCase.needs?.find((capability) => !has.has(capability))
      if (missing) {
        it.skip(`${testCase.name} [skipped on ${runtime}: ${capabilities[missing]}]`, () => {})
      } else {
        it(testCase.name, () => testCase.run(target))
      }
    }
  })
}
