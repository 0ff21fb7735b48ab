/** HTTP Basic at `/auth/basic`: UTF-8 credentials split on the first colon, bounded and strict. */
import type { Case } from '../target.ts'
import {
  BASIC,
  basic,
  expectRefused,
  forge,
  get,
  INVALID,
  NOT_AUTHENTICATED,
} from './auth-support.ts'
import { expectJson } from './http.ts'

/** A case: this Authorization header is refused with the Basic challenge. */
function refused(
  name: string,
  authorization: (() => Promise<string>) | string | undefined,
  detail: string,
): Case {
  return {
    name: `basic: ${name} is 401 ${detail === INVALID ? 'Invalid' : 'Not authenticated'}`,
    run: async (target) => {
      const value = typeof authorization === 'function' ? await authorization() : authorization
      const response = await get(
        target,
        '/auth/basic',
        value === undefined ? {} : { authorization: value },
      )
      await expectRefused(response, 401, BASIC, detail)
    },
  }
}

export const authBasicCases: Case[] = [
  {
    name: 'basic: valid credentials name the user',
    run: async (target) => {
      const response = await get(target, '/auth/basic', { authorization: basic('root:s3cret') })
      await expectJson(response, 200, { username: 'root' })
    },
  },
  {
    name: 'basic: a UTF-8 user name and password are decoded as UTF-8',
    run: async (target) => {
      const response = await get(target, '/auth/basic', { authorization: basic('jöhn:pässword') })
      await expectJson(response, 200, { username: 'jöhn' })
    },
  },
  refused('no Authorization header', undefined, NOT_AUTHENTICATED),
  refused('a bearer token instead', async () => `Bearer ${await forge()}`, NOT_AUTHENTICATED),
  refused('a wrong password', basic('root:s3cret!'), INVALID),
  refused('an unknown user', basic('mallory:s3cret'), INVALID),
  refused('a password split on a later colon', basic('root:s3cret:'), INVALID),
  refused('credentials with no colon', basic('roots3cret'), INVALID),
  refused('credentials that are not base64', 'Basic root:s3cret', INVALID),
  // Latin-1 bytes in the header itself (fetch allows them; base64 is required).
  refused('non-ASCII in the header', 'Basic jöhn:pässword', INVALID),
  refused('invalid UTF-8 inside the base64', `Basic ${btoa('root:\xff\xfe')}`, INVALID),
  refused('10 KB of credentials', basic(`root:${'x'.repeat(10_240)}`), INVALID),
]
