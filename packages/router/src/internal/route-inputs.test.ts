import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { dependency } from '../dependency.ts'
import type { SecurityDeclaration } from '../dependency-meta.ts'
import { gatherInputs, mergeInto } from './route-inputs.ts'

const declaration = (name: string, credential: SecurityDeclaration['credentials'][number]) => ({
  schemes: { [name]: { type: 'http' as const, scheme: 'bearer' } },
  requirements: [{ [name]: [] }],
  credentials: [credential],
})

const bearer = dependency(
  { name: 'bearer', security: declaration('Bearer', { in: 'headers', name: 'authorization' }) },
  () => 'user',
)
const basic = dependency(
  { name: 'basic', security: declaration('Basic', { in: 'headers', name: 'authorization' }) },
  () => 'user',
)
const tenant = dependency({ name: 'tenant', inputs: { query: { tenant: v.string() } } }, () => 't')

describe('gatherInputs', () => {
  it('reads a credential several schemes share once, before security, and documents it nowhere', () => {
    const inputs = gatherInputs(
      {},
      [bearer, basic, tenant],
      new Set([bearer, basic]),
      'Route GET /',
    )
    expect(inputs.credentials).toEqual([{ in: 'headers', name: 'authorization' }])
    expect(Object.keys(inputs.beforeSecurity)).toEqual(['headers'])
    expect(Object.keys(inputs.beforeSecurity.headers ?? {})).toEqual(['authorization'])
    expect(Object.keys(inputs.afterSecurity)).toEqual(['query'])
    expect(inputs.declared.headers).toBeUndefined()
    expect(Object.keys(inputs.declared.query ?? {})).toEqual(['tenant'])
  })

  it("keeps a security dependency's own inputs in its stage and in the docs", () => {
    const signed = dependency(
      {
        name: 'signed',
        inputs: { headers: { x_signature: v.string() } },
        security: declaration('Sig', { in: 'headers', name: 'x-signature' }),
      },
      () => true,
    )
    const page = { page: v.number() }
    const inputs = gatherInputs({ query: page }, [signed], new Set([signed]), 'Route GET /')
    // The credential and the dependency's own field read the same header; each keeps its schema.
    expect(inputs.beforeSecurity.headers).toEqual({
      'x-signature': expect.anything(),
      x_signature: expect.anything(),
    })
    expect(inputs.afterSecurity).toEqual({ query: page })
    expect(inputs.declared).toEqual({ query: page }) // the credential is the scheme's to document
  })

  it('leaves the route inputs as they are when no dependency declares any', () => {
    const own = { query: { q: v.string() } }
    expect(gatherInputs(own, [], new Set(), 'Route GET /').afterSecurity).toBe(own)
  })
})

describe('mergeInto', () => {
  it('merges fields location by location, keeping the body type', () => {
    const q = v.string()
    const merged = mergeInto(
      { query: { q }, body: { a: v.string() }, bodyType: 'form' },
      { query: { q, n: v.number() }, body: { b: v.number() }, bodyType: 'form' },
      'dep',
      'Route POST /',
    )
    expect(Object.keys(merged.query ?? {})).toEqual(['q', 'n'])
    expect(Object.keys(merged.body ?? {})).toEqual(['a', 'b'])
    expect(merged.bodyType).toBe('form')
  })

  it('refuses two body types and a location that is not an object', () => {
    expect(() =>
      mergeInto(
        { body: { a: v.string() }, bodyType: 'json' },
        { body: { b: v.string() }, bodyType: 'form' },
        'dep',
        'Route POST /',
      ),
    ).toThrow("Route POST /: dependency 'dep' reads a form body, the route a json one")
    expect(() =>
      mergeInto({ body: v.string() }, { body: { b: v.string() } }, 'dep', 'Route POST /'),
    ).toThrow('Route POST /: body must be an object schema or an object of field schemas')
  })
})
