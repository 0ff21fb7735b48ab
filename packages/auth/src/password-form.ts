/**
 * FastAPI's `OAuth2PasswordRequestForm`, as a Valibot schema for a form body: `username` and
 * `password` required, `grant_type` optional (`password` if sent; `passwordFormStrict` requires
 * it, as the OAuth2 spec does), `scope` split on spaces into a list, `client_id`,
 * `client_secret`.
 *
 * @example
 * post('/login', { body: passwordForm, bodyType: 'form' }, ({ body }) => login(body.username, body.password))
 */
import * as v from 'valibot'

const grantType = v.literal('password')
const scope = v.optional(
  v.pipe(
    v.string(),
    v.transform((text) => text.split(' ').filter(Boolean)),
  ),
  '',
)
const fields = {
  username: v.string(),
  password: v.string(),
  scope,
  client_id: v.optional(v.string()),
  client_secret: v.optional(v.string()),
}

export const passwordForm = v.object({ grant_type: v.optional(grantType), ...fields })

export const passwordFormStrict = v.object({ grant_type: grantType, ...fields })
