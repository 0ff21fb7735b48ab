import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { requestBodyOf } from './request-body.ts'

const Login = v.object({ username: v.string(), password: v.string() })
const convert = () => ({ type: 'object' })
const mediaTypes = (...args: Parameters<typeof requestBodyOf>) =>
  Object.keys(requestBodyOf(...args)?.content ?? {})

describe('requestBodyOf', () => {
  it('documents a validated body in every media type the validator reads for its bodyType', () => {
    expect(mediaTypes({ body: Login }, convert)).toEqual(['application/json'])
    expect(mediaTypes({ body: Login, bodyType: 'form' }, convert)).toEqual([
      'application/x-www-form-urlencoded',
      'multipart/form-data',
    ])
    expect(mediaTypes({ body: Login, bodyType: 'multipart' }, convert)).toEqual([
      'multipart/form-data',
    ])
  })

  it("documents a body the handler reads itself in its own bodyType's encoding, not as JSON", () => {
    expect(mediaTypes({}, convert, { schema: Login, bodyType: 'form' })).toEqual([
      'application/x-www-form-urlencoded',
    ])
    expect(mediaTypes({}, convert, { schema: Login, bodyType: 'multipart' })).toEqual([
      'multipart/form-data',
    ])
    expect(mediaTypes({}, convert, { schema: Login })).toEqual(['application/json'])
  })

  it('prefers the validated body over a documented one', () => {
    expect(
      mediaTypes({ body: Login, bodyType: 'multipart' }, convert, {
        schema: Login,
        bodyType: 'form',
      }),
    ).toEqual(['multipart/form-data'])
  })
})
