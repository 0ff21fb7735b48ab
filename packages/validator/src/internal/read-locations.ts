import type { RawRequest } from '../types.ts'
import { isForbiddenKey } from './forbidden-keys.ts'
import { parseCookies } from './parse-cookies.ts'
import { parseUrlEncoded } from './parse-url-encoded.ts'
import type { LocationPlan } from './plan-location.ts'
import { createRecord, type RawRecord } from './raw-values.ts'

/** The declared query parameters of a URL; no `URL` object, undeclared values never decoded. */
export function readQuery(plan: LocationPlan, url: string): RawRecord | undefined {
  // The query ends at a fragment, as Hono's `c.req.query()` reads it: a raw request target may
  // carry a `#` (`/url?q=a#?q=b` is `q=a`), which `fetch` would never send.
  const hash = url.indexOf('#')
  const question = url.indexOf('?')
  if (question === -1 || (hash !== -1 && hash < question)) return undefined
  const raw = createRecord()
  parseUrlEncoded(hash === -1 ? url : url.slice(0, hash), question + 1, plan.wanted, raw)
  return raw
}

/**
 * The declared headers (by header name), from the adapter's raw request when there is one (the
 * web `Headers` is then never built); every header for loose/strict object schemas.
 */
export function readHeaders(
  plan: LocationPlan,
  request: Request,
  raw: RawRequest | undefined,
): RawRecord {
  const record = createRecord()
  if (plan.wanted === undefined) {
    request.headers.forEach((value, key) => {
      if (!isForbiddenKey(key)) record[key] = value
    })
    return record
  }
  const headers = raw ? raw.headers : request.headers
  for (const field of plan.fields) {
    const value = headers.get(field.source)
    if (value !== null) record[field.source] = value
  }
  return record
}

/** The declared cookies from the `Cookie` header. */
export function readCookies(
  plan: LocationPlan,
  headers: Pick<Headers, 'get'>,
): RawRecord | undefined {
  const header = headers.get('cookie')
  if (header === null) return undefined
  const raw = createRecord()
  parseCookies(header, plan.wanted, raw)
  return raw
}
