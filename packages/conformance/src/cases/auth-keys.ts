/**
 * API keys in a header, a query parameter and a cookie; the documented precedence when a header
 * and a query key disagree; and `anyOf(apiKey, bearer)`.
 */
import { API_KEYS } from '../fixture/auth-config.ts'
import type { Case } from '../target.ts'
import {
  API_KEY,
  expectRefused,
  forge,
  get,
  INVALID,
  INVALID_TOKEN,
  NOT_AUTHENTICATED,
} from './auth-support.ts'
import { expectJson } from './http.ts'

const { acme, globex } = API_KEYS
const WRONG = 'wrong-key-0123456789abcdef'

/** A case: GET `path` with these headers answers 200 with this body. */
function accepted(name: string, path: string, headers: HeadersInit, body: unknown): Case {
  return {
    name,
    run: async (target) => expectJson(await get(target, path, headers), 200, body),
  }
}

/** A case: GET `path` with these headers is refused with 401 and the challenge given. */
function refused(
  name: string,
  path: string,
  headers: () => HeadersInit | Promise<HeadersInit>,
  challenge: string,
  detail: string,
): Case {
  return {
    name,
    run: async (target) =>
      expectRefused(await get(target, path, await headers()), 401, challenge, detail),
  }
}

const q = (key: string) => `api_key=${encodeURIComponent(key)}`

export const authKeyCases: Case[] = [
  accepted(
    'api key (header): a valid key names its client',
    '/auth/key/header',
    { 'x-api-key': acme },
    { client: 'acme' },
  ),
  refused(
    'api key (header): a missing key is 401 Not authenticated',
    '/auth/key/header',
    () => ({}),
    API_KEY,
    NOT_AUTHENTICATED,
  ),
  refused(
    'api key (header): a wrong key is 401 Invalid',
    '/auth/key/header',
    () => ({ 'x-api-key': WRONG }),
    API_KEY,
    INVALID,
  ),
  refused(
    'api key (header): a 2 KB key is 401 Invalid',
    '/auth/key/header',
    () => ({ 'x-api-key': 'k'.repeat(2048) }),
    API_KEY,
    INVALID,
  ),
  refused(
    'api key (header): a key sent in the query instead is ignored',
    `/auth/key/header?${q(acme)}`,
    () => ({}),
    API_KEY,
    NOT_AUTHENTICATED,
  ),
  accepted(
    'api key (query): a valid key names its client',
    `/auth/key/query?${q(globex)}`,
    {},
    { client: 'globex' },
  ),
  refused(
    'api key (query): a wrong key is 401 Invalid',
    `/auth/key/query?${q(WRONG)}`,
    () => ({}),
    API_KEY,
    INVALID,
  ),
  refused(
    'api key (query): a key sent in a header instead is ignored',
    '/auth/key/query',
    () => ({ api_key: acme }),
    API_KEY,
    NOT_AUTHENTICATED,
  ),
  accepted(
    'api key (cookie): a valid key names its client',
    '/auth/key/cookie',
    { cookie: `theme=dark; api_key=${acme}` },
    { client: 'acme' },
  ),
  refused(
    'api key (cookie): a wrong key is 401 Invalid',
    '/auth/key/cookie',
    () => ({ cookie: `api_key=${WRONG}` }),
    API_KEY,
    INVALID,
  ),
  refused(
    'api key (cookie): a missing cookie is 401 Not authenticated',
    '/auth/key/cookie',
    () => ({ cookie: 'theme=dark' }),
    API_KEY,
    NOT_AUTHENTICATED,
  ),
  // Precedence (README): one apiKey reads one location; anyOf tries its alternatives in order and
  // the first whose credentials are present decides.
  accepted(
    'api key precedence: the header scheme reads the header and ignores the query',
    `/auth/key/header?${q(globex)}`,
    { 'x-api-key': acme },
    { client: 'acme' },
  ),
  accepted(
    'api key precedence: the query scheme reads the query and ignores the header',
    `/auth/key/query?${q(globex)}`,
    { 'x-api-key': acme },
    { client: 'globex' },
  ),
  accepted(
    'api key precedence: anyOf(header, query) with two valid keys takes the header',
    `/auth/key/either?${q(globex)}`,
    { 'x-api-key': acme },
    { client: 'acme' },
  ),
  refused(
    'api key precedence: anyOf(header, query) with a wrong header key is 401 despite a valid query key',
    `/auth/key/either?${q(acme)}`,
    () => ({ 'x-api-key': WRONG }),
    API_KEY,
    INVALID,
  ),
  accepted(
    'api key precedence: anyOf(header, query) falls back to the query when no header key is sent',
    `/auth/key/either?${q(globex)}`,
    {},
    { client: 'globex' },
  ),
  refused(
    'anyOf(api key, bearer): nothing is 401 with both challenges',
    '/auth/either',
    () => ({}),
    `${API_KEY}, Bearer`,
    NOT_AUTHENTICATED,
  ),
  accepted(
    'anyOf(api key, bearer): an API key passes',
    '/auth/either',
    { 'x-api-key': globex },
    { client: 'globex' },
  ),
  {
    name: 'anyOf(api key, bearer): a bearer token passes',
    run: async (target) => {
      const response = await get(target, '/auth/either', {
        authorization: `Bearer ${await forge({ scope: 'read' })}`,
      })
      await expectJson(response, 200, { subject: 'carol', scopes: ['read'] })
    },
  },
  refused(
    'anyOf(api key, bearer): an invalid bearer and no key is 401 invalid_token',
    '/auth/either',
    () => ({ authorization: 'Bearer abc.def.ghi' }),
    INVALID_TOKEN,
    INVALID,
  ),
  refused(
    'anyOf(api key, bearer): a wrong key decides even with a valid bearer (key comes first)',
    '/auth/either',
    async () => ({ 'x-api-key': WRONG, authorization: `Bearer ${await forge()}` }),
    API_KEY,
    INVALID,
  ),
]
