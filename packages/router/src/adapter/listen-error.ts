/**
 * `ListenError`: why a server could not listen, in one line a person can act on — the port is
 * taken, or not allowed — with the runtime's own error as its `cause` (Node, Bun and Deno all give
 * it a `code` such as `EADDRINUSE`).
 */

export type ListenErrorCode = 'EADDRINUSE' | 'EACCES' | 'EADDRNOTAVAIL'

/**
 * A listen failure `serve()` rejects with (under `exit: false`; otherwise it prints the message
 * and exits 1). `code` is Node's, so code that switched on it keeps working.
 */
export class ListenError extends Error {
  readonly code: ListenErrorCode
  readonly port: number
  readonly hostname: string
  constructor(
    code: ListenErrorCode,
    message: string,
    where: { port: number; hostname: string },
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'ListenError'
    this.code = code
    this.port = where.port
    this.hostname = where.hostname
  }
}

/** How the port was chosen, so the message names the knob that changes it. */
export type PortSource = 'option' | 'PORT' | 'default'

/** The `ListenError` for a Node listen error, or `undefined` for one it has no advice for. */
export function listenError(
  error: unknown,
  where: { port: number; hostname: string; portFrom: PortSource },
): ListenError | undefined {
  const code = (error as { code?: unknown } | undefined)?.code
  const { port, hostname } = where
  const choose =
    where.portFrom === 'option'
      ? "choose another with serve()'s `port` option"
      : `choose another with the PORT environment variable (e.g. PORT=${port === 8000 ? 8001 : 8000})`
  const cause = { cause: error }
  if (code === 'EADDRINUSE') {
    const message = `Port ${port} is already in use on ${hostname}: stop the other server or ${choose}.`
    return new ListenError(code, message, where, cause)
  }
  if (code === 'EACCES') {
    const message = `Not allowed to listen on port ${port} of ${hostname} (ports below 1024 need privileges): ${choose}.`
    return new ListenError(code, message, where, cause)
  }
  if (code === 'EADDRNOTAVAIL') {
    const message = `Cannot listen on ${hostname}: it is not an address of this machine (use 127.0.0.1, or 0.0.0.0 for every interface).`
    return new ListenError(code, message, where, cause)
  }
  return undefined
}

/**
 * What a failed listen becomes once the app is shut down again: when `serve()` owns the process
 * (`exit` given), one line on stderr and exit code 1; otherwise the error to reject with.
 */
export function listenFailure(
  error: unknown,
  where: { port: number; hostname: string; portFrom: PortSource },
  exit: ((code: number) => void) | undefined,
): unknown {
  const explained = listenError(error, where)
  if (explained && exit) {
    console.error(`[brisk] ${explained.message}`)
    exit(1)
  }
  return explained ?? error
}
