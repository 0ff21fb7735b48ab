import type {
  RawRequest,
  ResolvedValidatorOptions,
  ValidationFailure,
  ValidationIssue,
} from '../types.ts'
import { acceptsMediaType, EXPECTED_MEDIA_TYPES, mediaType } from './media-type.ts'
import { parseFormBody } from './parse-form-body.ts'
import { parseJsonBody } from './parse-json-body.ts'
import type { BodyPlan } from './plan-body.ts'
import type { RawRecord } from './raw-values.ts'
import { readBody, TOO_LARGE, UNREADABLE } from './read-body.ts'

/** What reading the body gave: nothing, a JSON value, form fields, an issue, or a 413/415. */
export type BodyOutcome =
  | { kind: 'absent' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; raw: RawRecord }
  | { kind: 'issue'; issue: ValidationIssue }
  | { kind: 'failure'; failure: ValidationFailure }

const ABSENT: BodyOutcome = { kind: 'absent' }

function failure(status: number, detail: string): BodyOutcome {
  return { kind: 'failure', failure: { ok: false, status, issues: [], detail } }
}

/**
 * Reads the body as the plan declares: checks the media type (415), the declared and the actual
 * size (413), then parses JSON or form data. A request without a body is `absent`; whether that
 * is allowed is decided by the caller. The bytes come from `readBody`, so every validator of the
 * same request gets them from one read.
 */
export async function loadBody(
  request: Request,
  plan: BodyPlan,
  options: ResolvedValidatorOptions,
  raw?: RawRequest,
): Promise<BodyOutcome> {
  const headers = raw ? raw.headers : request.headers
  const contentType = headers.get('content-type')
  const contentLength = headers.get('content-length')
  // With an adapter's raw request, HTTP framing says whether there is a body; `request.body` is
  // not touched (on Node, touching it builds a web stream over the socket).
  const stream = raw ? undefined : request.body
  const hasBody = raw ? hasFramedBody(headers, contentLength) : stream !== null
  const essence = mediaType(contentType)
  if (!hasBody || (contentType === null && contentLength === '0')) {
    // An empty body of the right type is a missing body (422), on every runtime, whether or not
    // the runtime hands over an empty stream; without the type it is 415, as with any other.
    return plan.optional || (contentType !== null && acceptsMediaType(plan.bodyType, essence))
      ? ABSENT
      : unsupported(plan)
  }
  if (!acceptsMediaType(plan.bodyType, essence)) return unsupported(plan)
  const limit = options.bodyLimit
  const bytes = await readBody(request, limit, raw)
  if (bytes === TOO_LARGE) return tooLarge(limit)
  // The client went away or broke the framing mid-body: a client error, not a server failure.
  if (bytes === UNREADABLE) return failure(400, 'The request body could not be read')
  if (bytes.byteLength === 0) return ABSENT
  if (plan.form === undefined) {
    const parsed = parseJsonBody(bytes, options.limits)
    return 'issue' in parsed ? { kind: 'issue', issue: parsed.issue } : { kind: 'json', ...parsed }
  }
  const parsed = await parseFormBody(
    bytes,
    essence,
    contentType ?? '',
    plan.form.wanted,
    options.limits.maxParts,
  )
  return 'issue' in parsed ? { kind: 'issue', issue: parsed.issue } : { kind: 'form', ...parsed }
}

/** RFC 9112: a request has a body when it declares a length other than 0, or is chunked. */
function hasFramedBody(headers: Pick<Headers, 'get'>, contentLength: string | null): boolean {
  return contentLength !== null ? contentLength !== '0' : headers.get('transfer-encoding') !== null
}

function unsupported(plan: BodyPlan): BodyOutcome {
  return failure(415, `Unsupported Media Type: expected ${EXPECTED_MEDIA_TYPES[plan.bodyType]}`)
}

function tooLarge(limit: number): BodyOutcome {
  return failure(413, `Request body is larger than the limit of ${limit} bytes`)
}
