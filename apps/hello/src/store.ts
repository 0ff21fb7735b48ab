/** A tiny in-memory item store standing in for a database: opened once, closed at shutdown. */
export interface StoredItem {
  id: number
  name: string
  price: number
  tags: string[]
}

export interface ItemStore {
  add(item: Omit<StoredItem, 'id'>): StoredItem
  get(id: number): StoredItem | undefined
  close(): void
}

export function openItemStore(): ItemStore {
  const items = new Map<number, StoredItem>()
  let nextId = 1
  let open = true
  const ensureOpen = () => {
    if (!open) throw new Error('the item store is closed')
  }
  return {
    add(item) {
      ensureOpen()
      const stored = { id: nextId++, ...item }
      items.set(stored.id, stored)
      return stored
    },
    get(id) {
      ensureOpen()
      return items.get(id)
    },
    close() {
      open = false
    },
  }
}
