/** `shop`: the repository over the app's database, as the routes' one data dependency. */
import { dependency } from '@brisk/router'
import { database } from './db/database.ts'
import { repository } from './db/repository.ts'

export const shop = dependency({ scope: 'app', name: 'shop', uses: { db: database } }, ({ db }) =>
  repository(db),
)
