import { createApp, get } from '@brisk/router'
import { describe, expect, it } from 'vitest'
import { httpBasic } from './http-basic.ts'
import { hashPassword } from './password-hash.ts'

const basic = (text: string) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}`

describe('httpBasic', () => {
  it('splits on the first colon, so a password may contain colons', async () => {
    const guard = httpBasic({
      realm: 'r',
      users: { ann: await hashPassword('a:b:c', { iterations: 1_000 }) },
    })
    const app = createApp({ routes: [get('/', { deps: { who: guard } }, ({ deps }) => deps.who)] })
    const ok = await app.request('/', { headers: { authorization: basic('ann:a:b:c') } })
    expect(await ok.json()).toEqual({ username: 'ann' })
  })

  it('hands the credentials to a verify function and yields its principal', async () => {
    const seen: string[] = []
    const guard = httpBasic({
      realm: 'ops',
      verify: (username, password) => {
        seen.push(`${username}/${password}`)
        return password === 'pw' ? { id: 7, username } : undefined
      },
    })
    const app = createApp({ routes: [get('/', { deps: { who: guard } }, ({ deps }) => deps.who)] })
    expect(
      await (await app.request('/', { headers: { authorization: basic('ops:pw') } })).json(),
    ).toEqual({ id: 7, username: 'ops' })
    const denied = await app.request('/', { headers: { authorization: basic('ops:no') } })
    expect(denied.status).toBe(401)
    expect(denied.headers.get('www-authenticate')).toBe('Basic realm="ops", charset="UTF-8"')
    expect(seen).toEqual(['ops/pw', 'ops/no'])
  })

  it('never calls the check for malformed or oversized credentials', async () => {
    let calls = 0
    const guard = httpBasic({
      realm: 'r',
      verify: () => {
        calls++
        return undefined
      },
    })
    const app = createApp({ routes: [get('/', { deps: { who: guard } }, () => 'x')] })
    for (const authorization of [basic('nocolon'), basic(`u:${'p'.repeat(10_240)}`), 'Basic =']) {
      expect((await app.request('/', { headers: { authorization } })).status).toBe(401)
    }
    expect(calls).toBe(0)
  })

  it('refuses bad configuration when created', () => {
    expect(() => httpBasic({ realm: 'a"b', verify: () => undefined })).toThrow(
      "httpBasic: 'realm' must not contain quotes",
    )
    expect(() => httpBasic({ realm: 'r', users: { ann: 'plain-text' } })).toThrow(
      "httpBasic: user 'ann' needs a hash from hashPassword()",
    )
  })
})
