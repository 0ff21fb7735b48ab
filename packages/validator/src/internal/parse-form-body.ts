import type { ValidationIssue } from '../types.ts'
import { isForbiddenKey } from './forbidden-keys.ts'
import { parseUrlEncoded } from './parse-url-encoded.ts'
import { appendValue, createRecord, type RawRecord } from './raw-values.ts'

const text = new TextDecoder()

function tooManyParts(maxParts: number): ValidationIssue {
  return {
    type: 'too_many_parts',
    loc: ['body'],
    msg: `Form has more than the limit of ${maxParts} fields`,
    input: null,
    ctx: { max_parts: maxParts },
  }
}

/**
 * Reads a urlencoded or multipart body into a null-prototype record (repeated keys become arrays;
 * files pass through). Multipart uses the platform's `formData()` parser. Only `wanted` keys are
 * kept unless it is `undefined`; prototype keys never are.
 */
export async function parseFormBody(
  bytes: Uint8Array,
  essence: string,
  contentType: string,
  wanted: Readonly<Record<string, true>> | undefined,
  maxParts: number,
): Promise<{ raw: RawRecord } | { issue: ValidationIssue }> {
  const raw = createRecord()
  if (essence !== 'multipart/form-data') {
    const pairs = parseUrlEncoded(text.decode(bytes), 0, wanted, raw)
    return pairs > maxParts ? { issue: tooManyParts(maxParts) } : { raw }
  }
  let form: FormData
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': contentType },
    }).formData()
  } catch (error) {
    return {
      issue: {
        type: 'form_invalid',
        loc: ['body'],
        msg: 'Form data could not be parsed',
        input: {},
        ctx: { error: error instanceof Error ? error.message : 'Invalid form data' },
      },
    }
  }
  let parts = 0
  for (const [key, value] of form) {
    if (++parts > maxParts) return { issue: tooManyParts(maxParts) }
    if (wanted === undefined ? isForbiddenKey(key) : wanted[key] !== true) continue
    appendValue(raw, key, value)
  }
  return { raw }
}
