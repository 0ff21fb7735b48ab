/**
 * Proof that the document is true to the server: every request the document allows is accepted
 * with the documented status and a body the documented schema validates, and a value breaking a
 * documented constraint is rejected naming that value.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { JsonSchema } from '../src/types.ts'
import { fixtureApp, fixtureDocument } from './support/fixture-app.ts'
import {
  buildRequest,
  operationsOf,
  type RequestValues,
  requestValues,
} from './support/requests.ts'
import { createResponseValidator } from './support/response-validator.ts'
import { violationsOf } from './support/violations.ts'

const document = fixtureDocument
const context = { components: document.components.schemas }
const responses = createResponseValidator(document)
const NUM_RUNS = 50

/** The operation's success status and the schema of its JSON body there. */
function successOf(
  responsesObject: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>,
) {
  const status = Object.keys(responsesObject).find((code) => code.startsWith('2'))!
  return {
    status: Number(status),
    schema: responsesObject[status]!.content!['application/json']!.schema!,
  }
}

describe.each(operationsOf(document))('$method $path', (operationCase) => {
  const success = successOf(operationCase.operation.responses)
  const error = operationCase.operation.responses['422']!.content!['application/json']!.schema!

  it('accepts every request the document allows and answers with the documented body', async () => {
    await fc.assert(
      fc.asyncProperty(requestValues(operationCase.operation, context), async (values) => {
        const response = await fixtureApp.request(buildRequest(operationCase, values))
        const body: unknown = await response.json()
        expect({ status: response.status, body }).toEqual({ status: success.status, body })
        expect(responses.errors(success.schema, body)).toEqual([])
        // Nothing undocumented leaves the server (the handlers add secret fields).
        expect(responses.errors(success.schema, body, { closed: true })).toEqual([])
      }),
      { numRuns: NUM_RUNS },
    )
  })

  it('rejects a value breaking a documented constraint, naming where it is', async () => {
    const violations = violationsOf(operationCase.operation, context)
    expect(violations.length).toBeGreaterThan(0)
    const cases = fc.tuple(
      requestValues(operationCase.operation, context),
      fc
        .nat({ max: violations.length - 1 })
        .chain((index) => violations[index]!.value.map((value) => ({ index, value }))),
    )
    await fc.assert(
      fc.asyncProperty(cases, async ([values, { index, value }]) => {
        const violation = violations[index]!
        const broken: RequestValues = violation.apply(values, value)
        const response = await fixtureApp.request(buildRequest(operationCase, broken))
        const body = (await response.json()) as { detail: { loc: unknown[] }[] }
        expect({ status: response.status, body }).toEqual({ status: 422, body })
        expect(responses.errors(error, body)).toEqual([])
        expect(body.detail.map((issue) => issue.loc)).toContainEqual(violation.loc)
      }),
      { numRuns: NUM_RUNS },
    )
  })
})
