/** Sign-up, sign-in and "who am I": users in the database, passwords as PBKDF2 hashes. */
import { dummyVerify, hashPassword, verifyPassword } from '@brisk/auth'
import { get, HTTPException, post, router } from '@brisk/router'
import { Conflict, type User as UserRecord } from '../db/repository.ts'
import { NewUser, User } from '../schemas.ts'
import { currentUser, oauth2 } from '../security.ts'
import { shop } from '../shop.ts'

/** What every signed-up user may do; admins are made by an operator (`/admin/users/…/admin`). */
const DEFAULT_SCOPES = ['items:write']

export function publicUser(user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    full_name: user.fullName,
    scopes: user.scopes,
    is_admin: user.isAdmin,
  }
}

const signUp = post(
  '/users',
  {
    public: true,
    body: NewUser,
    deps: { shop },
    status: 201,
    response: User,
    responses: { 409: { description: 'The username or email is taken' } },
    summary: 'Sign up',
  },
  async ({ body, deps }) => {
    try {
      const user = await deps.shop.createUser({
        username: body.username,
        email: body.email,
        fullName: body.full_name ?? null,
        passwordHash: await hashPassword(body.password),
        scopes: DEFAULT_SCOPES,
      })
      return publicUser(user)
    } catch (error) {
      if (error instanceof Conflict) throw new HTTPException(409, error.message)
      throw error
    }
  },
)

const me = get(
  '/users/me',
  { deps: { user: currentUser }, response: User, summary: 'The signed-in user' },
  ({ deps }) => publicUser(deps.user),
)

/** POST /auth/token: a token for a good username and password, with the scopes asked and allowed. */
const token = oauth2.tokenRoute({
  deps: { shop },
  authenticate: async ({ username, password }, { shop }) => {
    const user = await shop.userByUsername(username)
    // The same work and answer for an unknown user and a wrong password.
    const ok = user ? await verifyPassword(password, user.passwordHash) : await dummyVerify()
    if (!ok || !user) {
      throw new HTTPException(401, 'Incorrect username or password', {
        'www-authenticate': 'Bearer',
      })
    }
    return { subject: user.username, scopes: user.scopes }
  },
})

export const users = router({ tags: ['users'] }, [signUp, me])
export const auth = router({ tags: ['auth'] }, [token])
