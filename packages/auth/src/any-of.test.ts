import { createApp, get } from '@brisk/router'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Fixture, fixture, PARTNER_KEY } from '../test/helpers.ts'
import { anyOf } from './any-of.ts'

describe('anyOf', () => {
  let f: Fixture
  beforeAll(async () => {
    f = await fixture()
  })

  it('answers 403 when the bearer alternative decides and lacks the scope', async () => {
    const guard = anyOf(f.partner, f.oauth2.requireScopes(['admin']))
    const app = createApp({ routes: [get('/', { deps: { who: guard } }, ({ deps }) => deps.who)] })
    const { token } = await f.tokens.issue({ subject: 'bob', scopes: ['items:read'] })
    const response = await app.request('/', { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", scope="admin"',
    )
    const keyed = await app.request('/', { headers: { 'x-api-key': PARTNER_KEY } })
    expect(await keyed.json()).toEqual({ name: 'acme' })
  })

  it('lists every challenge when nothing is sent, bearer and basic sharing one header', async () => {
    const guard = anyOf(f.oauth2.user, f.basic)
    const app = createApp({ routes: [get('/', { deps: { who: guard } }, () => 'ok')] })
    const response = await app.request('/')
    expect(response.headers.get('www-authenticate')).toBe(
      'Bearer, Basic realm="admin", charset="UTF-8"',
    )
    const basic = `Basic ${btoa('root:s3cret')}`
    expect((await app.request('/', { headers: { authorization: basic } })).status).toBe(200)
  })

  it('needs two security dependencies from @brisk/auth', () => {
    expect(() => anyOf(f.partner)).toThrow('anyOf: give at least two security dependencies')
    expect(() => anyOf(f.partner, {} as typeof f.partner)).toThrow(
      'anyOf: alternative 2 is not a security dependency from @brisk/auth',
    )
  })
})
