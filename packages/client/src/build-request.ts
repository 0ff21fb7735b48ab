/**
 * Turns one call into a web `Request`: path parameters into the path, query values into the query
 * string, header and cookie fields under the names the server reads them by, the body as JSON or
 * as a form (urlencoded or multipart).
 */

const PARAM = /\{([A-Za-z_][A-Za-z0-9_]*)(:path)?\}/g

/** What a call passes at run time (its types come from the route). */
export interface CallOptions {
  readonly params?: Readonly<Record<string, unknown>>
  readonly query?: Readonly<Record<string, unknown>>
  readonly headers?: Readonly<Record<string, unknown>>
  readonly cookies?: Readonly<Record<string, unknown>>
  readonly body?: unknown
  readonly form?: Readonly<Record<string, unknown>>
  readonly multipart?: Readonly<Record<string, unknown>>
  readonly signal?: AbortSignal
}

/** `user_agent` and `userAgent` mean `user-agent`, as the server's validator reads them. */
export function headerName(field: string): string {
  if (field.includes('-')) return field.toLowerCase()
  return field
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase()
}

function text(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value)
}

/** Values of a field: arrays repeat it, `undefined` and `null` leave it out. */
function values(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value)
    ? value.filter((item) => item !== undefined && item !== null)
    : [value]
}

function fillPath(path: string, params: Readonly<Record<string, unknown>> = {}): string {
  return path.replace(PARAM, (_, name: string, catchAll?: string) => {
    const value = params[name]
    if (value === undefined || value === null) {
      throw new TypeError(`@brisk/client: path parameter '${name}' of '${path}' is missing`)
    }
    // `{name:path}` keeps its slashes; every other character is escaped.
    return catchAll
      ? text(value).split('/').map(encodeURIComponent).join('/')
      : encodeURIComponent(text(value))
  })
}

function formData(fields: Readonly<Record<string, unknown>>): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    for (const item of values(value)) {
      form.append(name, item instanceof Blob ? item : text(item))
    }
  }
  return form
}

/** Urlencoded (what OAuth2's token endpoint requires), unless a file makes it multipart. */
function formBody(fields: Readonly<Record<string, unknown>>): FormData | URLSearchParams {
  const all = Object.values(fields).flatMap(values)
  if (all.some((item) => item instanceof Blob)) return formData(fields)
  const form = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const item of values(value)) form.append(name, text(item))
  }
  return form
}

/** The request for `method path` with `options`, under `baseUrl`, with `defaults` headers first. */
export function buildRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions,
  defaults: Headers,
): Request {
  const url = new URL(baseUrl.replace(/\/+$/, '') + fillPath(path, options.params))
  for (const [name, value] of Object.entries(options.query ?? {})) {
    for (const item of values(value)) url.searchParams.append(name, text(item))
  }
  const headers = new Headers(defaults)
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const items = values(value)
    if (items.length > 0) headers.set(headerName(name), items.map(text).join(', '))
  }
  const cookies = Object.entries(options.cookies ?? {}).flatMap(([name, value]) =>
    values(value).map((item) => `${name}=${encodeURIComponent(text(item))}`),
  )
  if (cookies.length > 0) {
    const sent = headers.get('cookie')
    headers.set('cookie', [...(sent ? [sent] : []), ...cookies].join('; '))
  }
  let body: BodyInit | undefined
  if (options.multipart !== undefined) {
    body = formData(options.multipart)
  } else if (options.form !== undefined) {
    body = formBody(options.form)
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('content-type', 'application/json')
  }
  return new Request(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })
}
