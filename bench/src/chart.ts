/**
 * `results/chart.svg` from `results/latest.json`: one panel per layer and runtime (the Node HTTP
 * layer first), grouped bars per scenario, one bar per framework, requests per second. Plain SVG
 * written by hand, no dependency. Standalone: `node dist/chart.js` from `bench/`.
 */
import { writeFile } from 'node:fs/promises'
import { type ResultEntry, type ResultsFile, readResults } from './results.ts'

const palette = [
  '#4e79a7',
  '#59a14f',
  '#9c755f',
  '#f28e2b',
  '#76b7b2',
  '#b07aa1',
  '#edc948',
  '#ff9da7',
  '#bab0ac',
]
const briskColour = '#e15759'
const isBrisk = (framework: string) => framework.toLowerCase() === 'brisk'
/** Brisk first, then the by-hand reference, then the peers alphabetically. */
const frameworkOrder = (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b)
const rank = (framework: string) => (isBrisk(framework) ? 0 : framework === 'by hand' ? 1 : 2)
const runtimeOrder = ['node', 'bun', 'deno']

const width = 960
const panelHeight = 270
const plot = { left: 64, right: 16, top: 44, bottom: 40 }

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`)
const short = (rps: number) =>
  rps >= 1e6
    ? `${Number((rps / 1e6).toFixed(1))}M`
    : rps >= 1e3
      ? `${Number((rps / 1e3).toFixed(rps >= 1e5 ? 0 : 1))}k`
      : `${Math.round(rps)}`

/** A scale step that gives 4–8 gridlines up to `max`. */
function step(max: number): number {
  const raw = max / 5
  const power = 10 ** Math.floor(Math.log10(raw))
  return ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power
}

/** One panel: grouped bars for `entries` (one layer, one runtime), its top at `y`. */
function panel(
  title: string,
  entries: readonly ResultEntry[],
  y: number,
  colours: Map<string, string>,
) {
  const scenarios = [...new Set(entries.map((entry) => entry.scenario))].sort()
  const frameworks = [...new Set(entries.map((entry) => entry.framework))].sort(frameworkOrder)
  const max = Math.max(...entries.map((entry) => entry.rps), 1)
  const gridStep = step(max)
  const top = Math.ceil(max / gridStep) * gridStep
  const innerWidth = width - plot.left - plot.right
  const innerHeight = panelHeight - plot.top - plot.bottom
  const baseY = y + plot.top + innerHeight
  const yOf = (rps: number) => baseY - (rps / top) * innerHeight
  const parts = [
    `<text x="${plot.left}" y="${y + 18}" class="title">${escapeXml(title)}</text>`,
    `<text x="${plot.left - 8}" y="${y + plot.top - 10}" class="axis" text-anchor="end">req/s</text>`,
  ]
  for (let tick = 0; tick <= top + 1e-9; tick += gridStep) {
    parts.push(
      `<line x1="${plot.left}" x2="${width - plot.right}" y1="${yOf(tick)}" y2="${yOf(tick)}" class="grid"/>`,
      `<text x="${plot.left - 6}" y="${yOf(tick) + 4}" class="axis" text-anchor="end">${short(tick)}</text>`,
    )
  }
  const groupWidth = innerWidth / Math.max(scenarios.length, 1)
  // Bars no wider than 56 px, each group centred in its slot, so sparse panels stay readable.
  const barWidth = Math.min((groupWidth * 0.82) / frameworks.length, 56)
  const groupPad = (groupWidth - barWidth * frameworks.length) / 2
  scenarios.forEach((scenario, group) => {
    const groupX = plot.left + group * groupWidth + groupPad
    parts.push(
      `<text x="${groupX + (barWidth * frameworks.length) / 2}" y="${baseY + 18}" class="scenario" text-anchor="middle">${escapeXml(scenario)}</text>`,
    )
    frameworks.forEach((framework, slot) => {
      const entry = entries.find(
        (item) => item.scenario === scenario && item.framework === framework,
      )
      if (!entry) return
      const x = groupX + slot * barWidth
      const barY = yOf(entry.rps)
      const p99 = entry.p99_ms === null ? '' : `, p99 ${entry.p99_ms.toFixed(2)} ms`
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${barY.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${(baseY - barY).toFixed(1)}" fill="${colours.get(framework)}"><title>${escapeXml(`${framework} ${scenario}: ${Math.round(entry.rps).toLocaleString('en-US')} req/s${p99}`)}</title></rect>`,
      )
      const cx = x + (barWidth - 2) / 2
      parts.push(
        barWidth < 26
          ? `<text transform="translate(${cx.toFixed(1)} ${(barY - 4).toFixed(1)}) rotate(-90)" class="value">${short(entry.rps)}</text>`
          : `<text x="${cx.toFixed(1)}" y="${(barY - 4).toFixed(1)}" class="value" text-anchor="middle">${short(entry.rps)}</text>`,
      )
    })
  })
  return parts.join('\n')
}

/** The whole SVG for `file`: an HTTP panel per runtime, then an in-process panel per runtime. */
export function renderChart(file: ResultsFile): string {
  const panels: { title: string; entries: ResultEntry[] }[] = []
  for (const layer of ['http', 'inproc'] as const) {
    const runtimes = [
      ...new Set(file.results.filter((e) => e.layer === layer).map((e) => e.runtime)),
    ]
    runtimes.sort((a, b) => runtimeOrder.indexOf(a) - runtimeOrder.indexOf(b))
    for (const runtime of runtimes) {
      const entries = file.results.filter(
        (e) => e.layer === layer && e.runtime === runtime && e.rps > 0,
      )
      const kind = layer === 'http' ? 'HTTP, one server core' : 'in-process app.fetch loop'
      panels.push({ title: `${runtime} · ${kind} · requests/s (higher is better)`, entries })
    }
  }
  const frameworks = [...new Set(file.results.map((entry) => entry.framework))].sort(frameworkOrder)
  const peers = frameworks.filter((framework) => !isBrisk(framework))
  const colours = new Map(
    frameworks.map((framework) => [
      framework,
      isBrisk(framework) ? briskColour : palette[peers.indexOf(framework) % palette.length]!,
    ]),
  )
  const legendY = 40
  const legend = [...colours].map(([framework, colour], index) => {
    const x = plot.left + (index % 6) * 145
    const y = legendY + Math.floor(index / 6) * 18
    return `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${colour}"/><text x="${x + 17}" y="${y}" class="legend">${escapeXml(framework)}</text>`
  })
  const headerHeight = legendY + Math.ceil(colours.size / 6) * 18 + 6
  const height = headerHeight + panels.length * panelHeight + 10
  const body = panels.map((item, index) =>
    panel(item.title, item.entries, headerHeight + index * panelHeight, colours),
  )
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">
<style>
.title { font-size: 14px; font-weight: 600; fill: #222 }
.axis { font-size: 10px; fill: #666 }
.grid { stroke: #e3e3e3; stroke-width: 1 }
.scenario { font-size: 12px; font-weight: 600; fill: #333 }
.value { font-size: 9px; fill: #333 }
.legend { font-size: 11px; fill: #333 }
</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${plot.left}" y="20" class="title">${escapeXml(`Brisk bench · ${file.machine} · ${file.date.slice(0, 16).replace('T', ' ')} UTC`)}</text>
${legend.join('\n')}
${body.join('\n')}
</svg>
`
}

/** Writes `results/chart.svg` from the current `results/latest.json`. */
export async function writeCharts(): Promise<void> {
  const file = await readResults()
  await writeFile(new URL('../results/chart.svg', import.meta.url), renderChart(file))
  console.log('wrote bench/results/chart.svg')
}

if (import.meta.url === `file://${process.argv[1]}`) await writeCharts()
