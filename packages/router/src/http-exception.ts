/** An error that becomes an HTTP response: `{"detail": ...}` with the given status and headers. */
export class HTTPException extends Error {
  readonly status: number
  readonly detail: unknown
  readonly headers: Record<string, string> | undefined

  /**
   * @example
   * throw new HTTPException(404, 'Item not found', { 'x-error': 'missing' })
   */
  constructor(status: number, detail?: unknown, headers?: Record<string, string>) {
    super(typeof detail === 'string' ? detail : `HTTP ${status}`)
    this.name = 'HTTPException'
    this.status = status
    this.detail = detail ?? defaultDetail(status)
    this.headers = headers
  }

  /** The response this exception stands for. */
  toResponse(): Response {
    const headers = new Headers(this.headers)
    headers.set('content-type', 'application/json')
    const body =
      this.status === 204 || this.status === 304 ? null : JSON.stringify({ detail: this.detail })
    return new Response(body, { status: this.status, headers })
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}

/** The standard reason phrase for a status, used when no detail is given. */
export function defaultDetail(status: number): string {
  return REASONS[status] ?? `HTTP ${status}`
}
