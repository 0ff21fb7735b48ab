/**
 * `node dist/shop/seed-entry.js <path> <items>`: seeds one shop database file in its own process
 * (the shop app's settings come from the environment the runner gives it), then prints `seeded`.
 */
import { seedShopDatabase } from './seed.ts'

const [path = '', itemsText = ''] = process.argv.slice(2)
const items = Number(itemsText)
if (!path || !Number.isInteger(items) || items < 0)
  throw new Error(`usage: seed-entry.js <path> <items>, got '${path}' '${itemsText}'`)
await seedShopDatabase(path, items)
console.log('seeded')
