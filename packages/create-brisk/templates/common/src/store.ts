/** An in-memory item store standing in for a database: opened once per process, closed at shutdown. */
import { dependency } from '@brisk/router'

export interface Item {
  readonly id: number
  readonly name: string
  readonly price: number
}

export interface ItemStore {
  list(): Item[]
  get(id: number): Item | undefined
  add(item: Omit<Item, 'id'>): Item
  close(): void
}

/** A store holding `items`; swap it for a real database client behind the same interface. */
export function memoryStore(items: readonly Item[] = []): ItemStore {
  const byId = new Map(items.map((item) => [item.id, item]))
  let nextId = Math.max(0, ...byId.keys()) + 1
  return {
    list: () => [...byId.values()],
    get: (id) => byId.get(id),
    add(item) {
      const stored = { id: nextId++, ...item }
      byId.set(stored.id, stored)
      return stored
    },
    close: () => byId.clear(),
  }
}

/** One store for the app; the code after `yield` runs at shutdown (SIGTERM under `brisk run`). */
export const itemStore = dependency({ scope: 'app', name: 'itemStore' }, function* () {
  const store = memoryStore([{ id: 1, name: 'lamp', price: 12.5 }])
  yield store
  store.close()
})
