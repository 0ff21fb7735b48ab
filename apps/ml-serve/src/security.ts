/**
 * Who may call the model routes: an API key in `X-API-Key`, on every route unless marked public.
 * Secure by default: with no `ML_API_KEY` set there is no well-known development key — a random one
 * is made for this run and printed once, so `npm start` works and nothing guessable is accepted.
 */
import { anyOf, apiKey } from '@brisk/auth'
import { dependency } from '@brisk/router'
import { config } from './config.ts'

/** 32 random bytes as base64url: what a generated key looks like. */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

/** The accepted keys: `ML_API_KEY`, or one made for this run (eager: printed before listening). */
export const clientKeys = dependency(
  { scope: 'app', eager: true, name: 'clientKeys', uses: { config } },
  ({ config }) => {
    if (config.ML_API_KEY !== undefined) return { client: config.ML_API_KEY }
    const key = randomKey()
    console.warn(`[ml-serve] ML_API_KEY is not set; this run accepts X-API-Key: ${key}`)
    return { client: key }
  },
)

/** The `X-API-Key` scheme, checked before anything else on the routes it guards. */
export const clientKey = apiKey({
  in: 'header',
  name: 'X-API-Key',
  scheme: 'ApiKey',
  description: 'The clients’ key (setting `ML_API_KEY`; unset, the server prints one per start)',
  keys: clientKeys,
})

/**
 * The same keys in the `api_key` query parameter: how a browser authenticates a WebSocket, since
 * it cannot set headers on one. Accepted only where a route asks for it (`clientKeyOrQuery`).
 */
export const clientQueryKey = apiKey({
  in: 'query',
  name: 'api_key',
  scheme: 'ApiKeyQuery',
  description:
    'The clients’ key as a query parameter, for browsers’ WebSockets (it ends up in logs: prefer the header elsewhere)',
  keys: clientKeys,
})

/** `X-API-Key`, or else `?api_key=`: the WebSocket route's security. */
export const clientKeyOrQuery = anyOf(clientKey, clientQueryKey)
