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
import { readLimited } from './read-limited.ts'

/** What reading the body gave: nothing, a JSON value, form fields, an issue, or a 413/415. */
export type BodyOutcome =
  | { kind: 'absent' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; raw: RawRecord }
  | { kind: 'issue'; issue: ValidationIssue }
  | { kind: 'failure'; failure: ValidationFailure }

const ABSENT: BodyOutcome = { kind: 'absent' }
const DIGITS = /^\d+$/

function failure(status: number, detail: string): BodyOutcome {
  return { kind: 'failure', failure: { ok: false, status, issues: [], detail } }
}

/**
 * Reads the body as the plan declares: checks the media type (415), the declared and the actual
 * size (413), then parses JSON or form data. A request without a body is `absent`; whether that
 * is allowed is decided by the caller.
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
  if (!hasBody || (contentType === null && contentLength === '0')) {
    return plan.optional ? ABSENT : unsupported(plan)
  }
  const essence = mediaType(contentType)
  if (!acceptsMediaType(plan.bodyType, essence)) return unsupported(plan)
  const limit = options.bodyLimit
  const declared =
    contentLength !== null && DIGITS.test(contentLength) ? Number(contentLength) : undefined
  if (declared !== undefined && declared > limit) return tooLarge(limit)
  let bytes: Uint8Array | undefined
  try {
    bytes = raw
      ? await raw.read(limit)
      : declared === undefined
        ? await readLimited(stream!, limit)
        : await readAll(request)
  } catch {
    // The client went away or broke the framing mid-body: a client error, not a server failure.
    return failure(400, 'The request body could not be read')
  }
  if (bytes === undefined || bytes.byteLength > limit) return tooLarge(limit)
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

/**
 * A body whose declared length is within the limit: the runtime's own reader is the fastest (native
 * on Bun and Deno). Servers frame such a body by its Content-Length, so it cannot be longer; the
 * caller still checks the bytes received, for a `Request` built in-process with a wrong header.
 */
async function readAll(request: Request): Promise<Uint8Array> {
  return new Uint8Array(await request.arrayBuffer())
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
