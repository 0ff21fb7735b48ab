/** `ServeOptions`: what a server process is told, passed to dev children and cluster workers. */

export interface ServeOptions {
  /** Absolute path of the app module. */
  readonly entry: string
  /** The entry as shown to the person (relative to the project). */
  readonly entryLabel: string
  readonly host: string
  readonly port: number
  readonly mode: 'dev' | 'run'
  /** Request log lines: `plain`, `json`, or none. */
  readonly log: 'plain' | 'json' | 'off'
  /** Print the banner once listening (one worker of a cluster does). */
  readonly banner: boolean
  /** Milliseconds in-flight requests may take once a shutdown starts. */
  readonly shutdownTimeout: number
}

const VARIABLE = 'BRISK_SERVE_OPTIONS'

/** The environment entry carrying the options to a child process. */
export function encodeServeOptions(options: ServeOptions): Record<string, string> {
  return { [VARIABLE]: JSON.stringify(options) }
}

/** The options a parent passed, or an error naming the variable when started by hand. */
export function decodeServeOptions(env: NodeJS.ProcessEnv): ServeOptions {
  const text = env[VARIABLE]
  if (text === undefined) throw new Error(`${VARIABLE} is not set: start this file through brisk`)
  return JSON.parse(text) as ServeOptions
}

/** Sent by a parent over IPC to drain and stop a server process. */
export const STOP_MESSAGE = 'brisk:stop'
