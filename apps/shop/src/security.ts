/**
 * Who may do what: OAuth2 password flow with JWT bearer tokens for users (scope `items:write` to
 * change items: one's own, or any for an admin), and an API key for operators at /admin. Keys come
 * from settings, so a Worker reads them from its secrets.
 */
import { apiKey, jwtTokens, oauth2Password } from '@brisk/auth'
import { dependency, HTTPException } from '@brisk/router'
import { config } from './config.ts'
import { shop } from './shop.ts'

export const SCOPES = { 'items:write': 'Create, change and delete items' } as const

export const tokens = dependency({ scope: 'app', name: 'tokens', uses: { config } }, ({ config }) =>
  jwtTokens({
    secret: config.JWT_SECRET,
    issuer: 'brisk-shop',
    audience: 'brisk-shop',
    expiresIn: config.TOKEN_LIFETIME_SECONDS,
  }),
)

export const oauth2 = oauth2Password({ tokenUrl: '/auth/token', scopes: SCOPES, tokens })

export const operatorKey = apiKey({
  in: 'header',
  name: 'X-API-Key',
  scheme: 'AdminKey',
  description: 'The operators’ key (setting `ADMIN_API_KEY`)',
  keys: dependency({ scope: 'app', name: 'operatorKeys', uses: { config } }, ({ config }) => ({
    operator: config.ADMIN_API_KEY,
  })),
})

/** The user behind the token, as the database has them now (a deleted user's token is refused). */
export const currentUser = dependency(
  { name: 'currentUser', uses: { principal: oauth2.user, shop } },
  async ({ principal, shop }) => {
    const user = await shop.userByUsername(principal.subject)
    if (!user) {
      throw new HTTPException(401, 'Could not validate credentials', {
        'www-authenticate': 'Bearer',
      })
    }
    return user
  },
)

/** Owner or admin: anyone else gets 403 (the item's existence was already checked). */
export function assertMayChange(user: { username: string; isAdmin: boolean }, owner: string) {
  if (user.username !== owner && !user.isAdmin) {
    throw new HTTPException(403, 'Not enough permissions')
  }
}
