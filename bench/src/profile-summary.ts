/**
 * Summarises a V8 `.cpuprofile`: where the samples land (self time) and which functions they pass
 * through (inclusive time), by function and by source area, as a share of all samples.
 */
import { readFile } from 'node:fs/promises'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

const [file, limit = '25'] = process.argv.slice(2)
if (!file) throw new Error('usage: node dist/profile-summary.js <file.cpuprofile> [rows]')
const profile = JSON.parse(await readFile(file, 'utf8')) as {
  nodes: ProfileNode[]
  samples: number[]
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map<number, number>()
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id)

// Shortens a script URL to the part a reader recognises: package or workspace path.
function where(url: string) {
  const clean = url.replace(/^file:\/\//, '')
  const modules = clean.lastIndexOf('node_modules/')
  if (modules >= 0) return clean.slice(modules + 13)
  const work = clean.indexOf('/work/main/')
  return work >= 0 ? clean.slice(work + 11) : clean || '(native)'
}

function area(url: string) {
  const path = where(url)
  if (path.startsWith('packages/') || path.startsWith('bench/')) return path.split('/dist/')[0]!
  if (path.startsWith('node:')) return path.split('/').slice(0, 2).join('/')
  if (path === '(native)') return path
  return path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/')
}

const key = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame
  return `${where(url)}:${lineNumber + 1} ${functionName || '(anonymous)'}`
}

const self = new Map<string, number>()
const inclusive = new Map<string, number>()
const areas = new Map<string, number>()
const bump = (map: Map<string, number>, name: string) => map.set(name, (map.get(name) ?? 0) + 1)

for (const id of profile.samples) {
  const leaf = byId.get(id)!
  bump(self, key(leaf))
  bump(areas, area(leaf.callFrame.url))
  const seen = new Set<string>()
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = key(byId.get(at)!)
    if (!seen.has(name)) bump(inclusive, name)
    seen.add(name)
  }
}

const total = profile.samples.length
const print = (title: string, map: Map<string, number>, rows: number) => {
  console.log(`\n${title}`)
  const sorted = [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)
  for (const [name, hits] of sorted) {
    console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
  }
}
console.log(`${total} samples`)
print('self time by area', areas, 15)
print('self time by function', self, Number(limit))
print('inclusive time by function', inclusive, Number(limit))
