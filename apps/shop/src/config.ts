/**
 * The shop's settings, read from the environment (a Worker's vars and secrets on Workers) once at
 * startup. The secrets have development defaults so `npm start` needs no setup; the startup line
 * warns while they are in use.
 */
import { dependency, settings } from '@brisk/router'
import * as v from 'valibot'

/** Development-only defaults: anyone can read them here, so production must set its own. */
export const DEVELOPMENT_JWT_SECRET = 'brisk-shop-development-secret-do-not-deploy'
export const DEVELOPMENT_ADMIN_KEY = 'brisk-shop-development-admin-key'

const environment = settings(
  {
    /** HS256 key for access tokens: at least 32 bytes (`openssl rand -base64 32`). */
    JWT_SECRET: v.optional(v.pipe(v.string(), v.minLength(32)), DEVELOPMENT_JWT_SECRET),
    /** The operators' key for /admin (header `X-API-Key`): at least 16 bytes. */
    ADMIN_API_KEY: v.optional(v.pipe(v.string(), v.minLength(16)), DEVELOPMENT_ADMIN_KEY),
    TOKEN_LIFETIME_SECONDS: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(60), v.maxValue(86_400)),
      1800,
    ),
    /** The SQLite file on Node, Bun and Deno (Workers use their D1 binding). */
    SHOP_DATABASE: v.optional(v.pipe(v.string(), v.minLength(1)), './data/shop.db'),
  },
  { name: 'shopEnvironment' },
)

/** The validated settings, with a warning at startup for each development default in use. */
export const config = dependency(
  { scope: 'app', eager: true, name: 'config', uses: { environment } },
  ({ environment }) => {
    if (environment.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      console.warn('[shop] JWT_SECRET is the development default: set your own before deploying')
    }
    if (environment.ADMIN_API_KEY === DEVELOPMENT_ADMIN_KEY) {
      console.warn('[shop] ADMIN_API_KEY is the development default: set your own before deploying')
    }
    return environment
  },
)
