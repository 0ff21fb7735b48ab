/**
 * What both S7/S8 servers are configured with: the shop's settings (its environment variables)
 * and the data the seed writes, so the requests and the expected answers can be built from them.
 */

/** The HS256 secret the shop signs and verifies with (`JWT_SECRET`, at least 32 bytes). */
export const shopJwtSecret = 'brisk-bench-shop-hs256-secret-0123456789'

/** The shop's `iss` and `aud` (`security.ts`), its token type and lifetime (`TOKEN_LIFETIME_SECONDS`). */
export const shopIssuer = 'brisk-shop'
export const shopTokenType = 'at+jwt'
export const shopTokenLifetime = 1800

/** The environment of every process that runs the shop app (no development-default warnings). */
export const shopEnvironment: Readonly<Record<string, string>> = {
  JWT_SECRET: shopJwtSecret,
  ADMIN_API_KEY: 'brisk-bench-shop-admin-key',
  TOKEN_LIFETIME_SECONDS: String(shopTokenLifetime),
}

/** The environment variable naming a server's database file. */
export const databaseVariable = 'BENCH_SHOP_DB'

/** The signed-up user who owns every seeded item and creates S8's (`sub` of S8's token). */
export const shopUser = {
  username: 'bench',
  email: 'bench@example.com',
  password: 'bench-password',
}

/** Items in the seeded database. */
export const seedItems = 10_000

/** S7 reads this item. */
export const readItemId = 4242

/** Seeded item `id` (1-based), as `GET /items/{id}` answers it: tags sorted. */
export function seededItem(id: number) {
  return {
    id,
    name: `Item ${id}`,
    description: id % 4 === 0 ? null : `Seeded item number ${id}, for the database scenarios.`,
    price: 1 + (id % 500) / 4,
    tax: id % 3 === 0 ? null : 0.2,
    tags: [`colour-${id % 11}`, `kind-${id % 97}`, 'seeded'].sort(),
    owner: shopUser.username,
  }
}
