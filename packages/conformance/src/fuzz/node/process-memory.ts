/**
 * Resident memory of a server process and its descendants, read from Linux `/proc` (a Miniflare
 * target's server is the `workerd` child it starts, so it is found by name).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'

/** Whether `/proc` can be read here (Linux); memory checks are skipped with this reason otherwise. */
export const procAvailable = existsSync('/proc/self/status')

function parentOf(pid: number): number | undefined {
  try {
    // The command name is in parentheses and may hold spaces: the parent pid follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return undefined
  }
}

function processIds(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
}

/** `pid` and every process below it. */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>()
  for (const id of processIds()) {
    const parent = parentOf(id)
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), id])
  }
  const found: number[] = []
  const queue = [pid]
  while (queue.length > 0) {
    const next = queue.shift()!
    found.push(next)
    queue.push(...(children.get(next) ?? []))
  }
  return found
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** Resident bytes of `pid` and its descendants. */
export function treeRss(pid: number): number {
  return tree(pid).reduce((sum, id) => sum + rssOf(id), 0)
}

/** The first descendant of `pid` whose command name is `name` (e.g. Miniflare's `workerd`). */
export function findDescendant(pid: number, name: string): number | undefined {
  return tree(pid).find((id) => {
    try {
      return readFileSync(`/proc/${id}/comm`, 'utf8').trim() === name
    } catch {
      return false
    }
  })
}
