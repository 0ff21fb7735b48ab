import { isForbiddenKey } from './forbidden-keys.ts'
import { parseCookies } from './parse-cookies.ts'
import { parseUrlEncoded } from './parse-url-encoded.ts'
import type { LocationPlan } from './plan-location.ts'
import { createRecord, type RawRecord } from './raw-values.ts'

/** The declared query parameters of a URL; no `URL` object, undeclared values never decoded. */
export function readQuery(plan: LocationPlan, url: string): RawRecord | undefined {
  const question = url.indexOf('?')
  if (question === -1) return undefined
  const raw = createRecord()
  parseUrlEncoded(url, question + 1, plan.wanted, raw)
  return raw
}

/**
 * The declared headers (by header name), looked up in `lookup` (an adapter's raw headers) when
 * given; every header of `headers` for loose/strict object schemas.
 */
export function readHeaders(
  plan: LocationPlan,
  headers: Headers,
  lookup: Pick<Headers, 'get'> = headers,
): RawRecord {
  const raw = createRecord()
  if (plan.wanted === undefined) {
    headers.forEach((value, key) => {
      if (!isForbiddenKey(key)) raw[key] = value
    })
    return raw
  }
  for (const field of plan.fields) {
    const value = lookup.get(field.source)
    if (value !== null) raw[field.source] = value
  }
  return raw
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
