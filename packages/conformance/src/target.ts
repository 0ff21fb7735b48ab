/** The contract between the runtime-neutral conformance cases and the thin runner of each runtime. */

/** Where the fixture app runs. */
export type Runtime = 'node' | 'node-server' | 'bun' | 'deno' | 'workerd'

/**
 * What a target can do beyond `fetch(Request)`. A case that needs a capability a target lacks is
 * skipped on that target with the runner's stated reason.
 */
export type Capability =
  /** `baseUrl` points at a real HTTP/1.1 server that a raw TCP socket can talk to. */
  | 'rawHttp'
  /** Request bodies can be a `ReadableStream` sent without a Content-Length (`duplex: 'half'`). */
  | 'streamingRequestBody'
  /** The Request reaches the app as built, so its headers may disagree with its body. */
  | 'forgedHeaders'
  /** Cancelling a streamed response reaches the app, which can report it on another request. */
  | 'disconnect'
  /** Aborting a request in flight aborts `request.signal` inside the app. */
  | 'requestAbort'
  /** `formData()` gives a file the Content-Type of its part, whatever its filename says. */
  | 'partContentType'
  /** `websocketUrl` is a server that upgrades WebSocket requests. */
  | 'websocket'
  /** The server can close every open socket at once, as its shutdown does (here: from a request). */
  | 'websocketShutdown'

/** One running copy of the fixture app, as the cases see it. */
export interface Target {
  readonly runtime: Runtime
  /** Sends a request whose URL has any origin; only path and query are kept. */
  fetch(request: Request): Promise<Response>
  /** Origin of the real server, e.g. `http://127.0.0.1:43123`, for targets with `rawHttp`. */
  readonly baseUrl?: string | undefined
  /** Origin for WebSocket connections, e.g. `ws://127.0.0.1:43123`, for targets with `websocket`. */
  readonly websocketUrl?: string | undefined
  readonly capabilities: ReadonlySet<Capability>
}

/** One behaviour every runtime must show. */
export interface Case {
  readonly name: string
  readonly needs?: readonly Capability[]
  run(target: Target): Promise<void>
}
