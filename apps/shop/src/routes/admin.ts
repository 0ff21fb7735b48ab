/** Operators' routes, behind the `X-API-Key` of the settings (not a user's token). */
import { del, get, HTTPException, post, router } from '@brisk/router'
import { Stats, User, Username } from '../schemas.ts'
import { operatorKey } from '../security.ts'
import { shop } from '../shop.ts'
import { publicUser } from './users.ts'

const stats = get(
  '/stats',
  { deps: { shop }, response: Stats, summary: 'How many users and items there are' },
  ({ deps }) => deps.shop.stats(),
)

const makeAdmin = post(
  '/users/{username}/admin',
  {
    params: { username: Username },
    deps: { shop },
    response: User,
    responses: { 404: { description: 'No such user' } },
    summary: 'Make a user an admin (may change and delete any item)',
  },
  async ({ params, deps }) => {
    const user = await deps.shop.setAdmin(params.username, true)
    if (!user) throw new HTTPException(404, 'User not found')
    return publicUser(user)
  },
)

const removeUser = del(
  '/users/{username}',
  {
    params: { username: Username },
    deps: { shop },
    responses: { 404: { description: 'No such user' } },
    summary: 'Delete a user with their items and images (one transaction)',
  },
  async ({ params, deps }) => {
    const user = await deps.shop.userByUsername(params.username)
    if (!user || !(await deps.shop.deleteUser(user.id))) {
      throw new HTTPException(404, 'User not found')
    }
  },
)

export const admin = router({ prefix: '/admin', tags: ['admin'], security: [operatorKey] }, [
  stats,
  makeAdmin,
  removeUser,
])
