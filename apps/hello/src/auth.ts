/**
 * Sign-in for the hello app: OAuth2 password flow with JWT access tokens and scopes. Two demo users;
 * passwords are PBKDF2 hashes, made on first use (not at import, so the module stays cheap).
 */
import { dummyVerify, hashPassword, jwtTokens, oauth2Password, verifyPassword } from '@brisk/auth'

// Demo only, like FastAPI's tutorial: a real app reads its secret (≥ 32 random bytes, e.g.
// `openssl rand -base64 32`) from its environment and never commits it.
const DEMO_SECRET = 'brisk-hello-demo-secret-not-for-production-use'

export const tokens = jwtTokens({
  secret: DEMO_SECRET,
  issuer: 'brisk-hello',
  audience: 'brisk-hello',
  expiresIn: 900,
})

export const oauth2 = oauth2Password({
  tokenUrl: '/token',
  scopes: { 'items:read': 'Read items', 'items:write': 'Create items' },
  tokens,
})

const DEMO_USERS = {
  alice: { password: 'wonderland', scopes: ['items:read', 'items:write'] },
  bob: { password: 'builder', scopes: ['items:read'] },
} as const

let hashed: Promise<Map<string, { hash: string; scopes: readonly string[] }>> | undefined
const users = () => {
  hashed ??= Promise.all(
    Object.entries(DEMO_USERS).map(
      async ([name, user]) =>
        [name, { hash: await hashPassword(user.password), scopes: user.scopes }] as const,
    ),
  ).then((entries) => new Map(entries))
  return hashed
}

/** POST /token: username and password in, a token with the scopes asked for and allowed out. */
export const tokenRoute = oauth2.tokenRoute({
  tags: ['auth'],
  authenticate: async ({ username, password }) => {
    const user = (await users()).get(username)
    // The same work for an unknown user as for a wrong password: timing tells nothing.
    const ok = user ? await verifyPassword(password, user.hash) : await dummyVerify()
    return ok && user ? { subject: username, scopes: user.scopes } : undefined
  },
})
