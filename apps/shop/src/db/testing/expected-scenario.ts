/** What the repository scenario (scenario.ts) must report on every driver. */
const lamp = {
  id: 1,
  name: 'Lamp 100%',
  description: 'desk',
  price: 12.5,
  tax: null,
  owner: 'ada',
  tags: ['home', 'light'],
}
const updated = { ...lamp, price: 13, tags: ['desk', 'home'] }

export const expectedScenario = {
  migrated: ['0001_create_tables: Success'],
  againMigrated: 0,
  user: {
    id: 1,
    username: 'ada',
    email: 'ada@example.com',
    fullName: null,
    scopes: ['me', 'items'],
    isAdmin: true,
    passwordHash: 'h',
  },
  conflicts: ['username', 'email'],
  rawUniqueViolation: true,
  item: lamp,
  readBack: lamp,
  orphan: 'rejected',
  image: {
    filename: 'lamp.png',
    contentType: 'image/png',
    size: 4,
    data: [0, 1, 128, 255],
    isUint8Array: true,
  },
  imageStored: true,
  updated,
  page: { items: [updated], total: 1 },
  stats: { users: 1, items: 1 },
  deleted: true,
  after: { users: 0, items: 0 },
}

/** The PRAGMAs a file database must report (an in-memory one journals in memory). */
export const filePragmas = { journal: 'wal', fk: 1 }
