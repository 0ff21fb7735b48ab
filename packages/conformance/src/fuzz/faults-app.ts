/**
 * A Brisk app for the teardown-under-faults test: every route takes three request-scoped resources
 * (an async generator, a sync generator, an `onCleanup` registration whose teardown can fail) and
 * a dependency whose set-up can fail after they are open; a request's `x-fault` header says which
 * fail. Each set-up gets a
 * token; its teardown hands the token back, so a teardown that is missing, or runs twice, shows in
 * `GET /faults/stats/{run}`. Portable: web standards only.
 */
import { createApp, dependency, get, post } from '@brisk/router'
import * as v from 'valibot'

interface RunCounts {
  setups: number
  teardowns: number
  /** Teardowns whose token was not open: a second teardown of the same set-up. */
  repeated: number
  /** Set-ups whose teardown has not run (yet). */
  readonly open: Set<number>
}

const runs = new Map<string, RunCounts>()
let nextToken = 0

function countsOf(run: string): RunCounts {
  let found = runs.get(run)
  if (!found) {
    if (runs.size >= 50) runs.delete(runs.keys().next().value!)
    found = { setups: 0, teardowns: 0, repeated: 0, open: new Set() }
    runs.set(run, found)
  }
  return found
}

function setUp(run: string): number {
  const counts = countsOf(run)
  const token = nextToken++
  counts.setups++
  counts.open.add(token)
  return token
}

function tearDown(run: string, token: number): void {
  const counts = countsOf(run)
  counts.teardowns++
  if (!counts.open.delete(token)) counts.repeated++
}

const faultInputs = { headers: { x_run: v.string(), x_fault: v.optional(v.string(), '') } }

/** The run id and the faults asked for, read once per request. */
const faults = dependency({ name: 'faults', inputs: faultInputs }, (_, { inputs }) => ({
  run: inputs.headers.x_run,
  setup: inputs.headers.x_fault.includes('setup'),
  teardown: inputs.headers.x_fault.includes('teardown'),
}))

class InjectedFault extends Error {
  override name = 'InjectedFault'
}

/** A plain resource: an async generator. */
const resource = dependency({ name: 'resource', uses: { faults } }, async function* ({ faults }) {
  const token = setUp(faults.run)
  try {
    yield token
  } finally {
    tearDown(faults.run, token)
  }
})

/** A second resource: a sync generator. */
const syncResource = dependency(
  { name: 'syncResource', uses: { faults, resource } },
  function* ({ faults }) {
    const token = setUp(faults.run)
    try {
      yield token
    } finally {
      tearDown(faults.run, token)
    }
  },
)

/** Registers its teardown with `onCleanup`; the teardown fails when asked to, after counting. */
const fragileTeardown = dependency(
  { name: 'fragileTeardown', uses: { faults, syncResource } },
  ({ faults }, { onCleanup }) => {
    const token = setUp(faults.run)
    onCleanup(() => {
      tearDown(faults.run, token)
      if (faults.teardown) throw new InjectedFault('teardown failed')
    })
    return token
  },
)

/** Fails in its set-up when asked to, after the others are open (so they must be torn down). */
const fragileSetup = dependency(
  { name: 'fragileSetup', uses: { faults, fragileTeardown } },
  async ({ faults }) => {
    await Promise.resolve()
    if (faults.setup) throw new InjectedFault('set-up failed')
    return true
  },
)

const deps = { deps: { ready: fragileSetup } }

/** Resolves when the client goes away, or after `ms` (a bound: workerd may never tell). */
function abortedOrAfter(signal: AbortSignal, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

const pace = () => new Promise((resolve) => setTimeout(resolve, 10))

export const faultsApp = createApp({
  // Teardown errors are reported here; the test counts teardowns, not reports.
  onError: () => {},
  routes: [
    get('/faults/ok', deps, () => ({ ok: true })),
    get('/faults/throw', deps, () => {
      throw new InjectedFault('handler failed')
    }),
    post('/faults/body', { ...deps, body: v.object({ text: v.string() }) }, ({ body }) => ({
      length: body.text.length,
    })),
    get('/faults/slow', deps, async ({ request }) => {
      await abortedOrAfter(request.signal, 1000)
      return { done: true }
    }),
    // 100 items 10 ms apart: long enough to be cut, short enough to end if a cut never arrives.
    get('/faults/stream', { ...deps, stream: 'ndjson' }, async function* () {
      for (let n = 0; n < 100; n++) {
        yield { n }
        await pace()
      }
    }),
    get('/faults/stats/{run}', { params: { run: v.string() } }, ({ params }) => {
      const counts = countsOf(params.run)
      return {
        setups: counts.setups,
        teardowns: counts.teardowns,
        repeated: counts.repeated,
        open: counts.open.size,
      }
    }),
  ],
})
