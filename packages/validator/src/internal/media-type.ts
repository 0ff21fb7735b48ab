/** The validator's one Content-Type parser, and which media types each body type accepts. */
import type { BodyType } from '../types.ts'

/**
 * The essence of a Content-Type (RFC 9110 `type/subtype`): lowercase, without parameters or
 * whitespace; `''` when the header is absent.
 *
 * @example
 * ```ts
 * import { mediaType } from '@brisk/validator'
 *
 * mediaType('Application/JSON; charset=utf-8') // 'application/json'
 * mediaType(new Request('http://localhost/').headers.get('content-type')) // ''
 * ```
 */
export function mediaType(header: string | null): string {
  if (header === null) return ''
  const semicolon = header.indexOf(';')
  return (semicolon === -1 ? header : header.slice(0, semicolon)).trim().toLowerCase()
}

/** `application/json` and structured-syntax `+json` types such as `application/merge-patch+json`. */
function isJson(essence: string): boolean {
  return (
    essence === 'application/json' ||
    (essence.startsWith('application/') && essence.endsWith('+json'))
  )
}

/** Whether a body of this media type can be read as the declared body type. */
export function acceptsMediaType(bodyType: BodyType, essence: string): boolean {
  switch (bodyType) {
    case 'json':
      return isJson(essence)
    case 'form':
      return essence === 'application/x-www-form-urlencoded' || essence === 'multipart/form-data'
    case 'multipart':
      return essence === 'multipart/form-data'
  }
}

/** The media types a body type accepts, for the 415 sentence. */
export const EXPECTED_MEDIA_TYPES: Readonly<Record<BodyType, string>> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded or multipart/form-data',
  multipart: 'multipart/form-data',
}
