import type { PortSource } from './listen-error.ts'

/**
 * The port a server entry listens on: the option, else the `PORT` environment variable (as the
 * runtime reads it), else 8000 — uvicorn's and most platforms' convention. A `PORT` that is not a
 * port number throws before anything starts.
 */
export function chosenPort(
  option: number | undefined,
  environment: string | undefined,
): { port: number; portFrom: PortSource } {
  if (option !== undefined) return { port: option, portFrom: 'option' }
  if (environment === undefined || environment === '') return { port: 8000, portFrom: 'default' }
  const port = Number(environment)
  if (!/^\d+$/.test(environment) || port > 65_535) {
    throw new RangeError(
      `serve(): PORT must be a port number (0-65535), got ${JSON.stringify(environment)}`,
    )
  }
  return { port, portFrom: 'PORT' }
}
