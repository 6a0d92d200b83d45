/**
 * Splits a build into phases from its own log. The bench stamps every line with the time it arrived, and Astro runs
 * the integrations' `astro:build:done` hooks one after another, so an integration's phase ends at its last log line
 * and starts where the previous phase ended. Where a line states its own duration ("✓ Completed in 10.48s.",
 * "… in 12.3 s"), that figure is kept as the phase's reported time.
 */
export interface LogLine {
  /** Milliseconds since the build was started. */
  t: number
  text: string
}

export interface Phase {
  name: string
  /** Milliseconds since the build was started. */
  start: number
  end: number
  /** The duration the build printed for this phase, if it printed one. */
  reportedSeconds?: number
}

export interface BuildLog {
  phases: Phase[]
  /** Pages Astro says it built. */
  pages?: number
  /** Astro's own "page(s) built in …" figure (everything but the script's final swap). */
  astroSeconds?: number
  /** Rendering the pages, getStaticPaths and data loading included ("generating static routes"). */
  renderSeconds?: number
  /** The search index's time after the last page was rendered (the integration prints its own figure). */
  searchIndexSeconds?: number
  /** The indexer's own peak memory, as it reports it ("indexer memory 180 MB"): it runs inside Astro's process. */
  searchIndexMemoryBytes?: number
  /** Distinct tokens in the index, as the indexer reports them ("3456789 tokens"). */
  searchIndexTokens?: number
  imagesSeconds?: number
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g
const TAGGED = /^(?:\d\d:\d\d:\d\d\s+)?\[([^\]]+)\]\s?(.*)$/
const ASTRO_TAGS = new Set([
  'build',
  'vite',
  'types',
  'content',
  'check',
  'config',
  'router',
  'WARN',
  'ERROR',
])

/** "in 10.48s", "in 12.3 s", "in 850ms", "in 1m 50s" (Astro past a minute) → seconds. */
export function durationSeconds(text: string): number | undefined {
  const match = /\bin (?:(\d+)m\s*)?([\d.]+)\s*(ms|s)\b/.exec(text) ?? /\bin (\d+)m\b()()/.exec(text)
  if (!match) return undefined
  const minutes = Number(match[1] ?? 0) * 60
  const value = Number(match[2] || 0)
  return minutes + (match[3] === 'ms' ? value / 1000 : value)
}

export function parseBuildLog(lines: LogLine[], exitAt: number): BuildLog {
  const clean = lines
    .map((line) => ({ t: line.t, text: line.text.replace(ANSI, '').trimEnd() }))
    .filter((line) => line.text.trim())
  const result: BuildLog = { phases: [] }
  let boundary = 0
  const close = (name: string, end: number, reportedSeconds?: number) => {
    result.phases.push({
      name,
      start: boundary,
      end,
      ...(reportedSeconds !== undefined ? { reportedSeconds } : {}),
    })
    boundary = end
  }

  const generating = clean.findIndex((line) => /generating static routes/.test(line.text))
  let index = 0
  if (generating >= 0) {
    close('setup', clean[generating]!.t)
    const done = clean.findIndex(
      (line, i) => i > generating && !TAGGED.test(line.text) && /✓ Completed in/.test(line.text),
    )
    if (done >= 0) {
      result.renderSeconds = durationSeconds(clean[done]!.text)
      close('render', clean[done]!.t, result.renderSeconds)
      index = done + 1
    }
  }

  // After rendering: one phase per integration that logs, in the order the hooks ran.
  let current: { name: string; last: LogLine } | undefined
  const flush = () => {
    if (!current) return
    close(current.name, current.last.t, durationSeconds(current.last.text))
    current = undefined
  }
  for (; index < clean.length; index++) {
    const line = clean[index]!
    const built = /(\d+) page\(s\) built in/.exec(line.text)
    if (built) {
      flush()
      result.pages = Number(built[1])
      result.astroSeconds = durationSeconds(line.text)
      close('astro finish', line.t)
      continue
    }
    const tagged = TAGGED.exec(line.text)
    if (!tagged || ASTRO_TAGS.has(tagged[1]!) || generating < 0) continue
    const name = tagged[1]!
    if (current && current.name !== name) flush()
    current = { name, last: line }
  }
  flush()
  if (exitAt > boundary) close(result.pages !== undefined ? 'swap into place' : 'rest', exitAt)

  const find = (pattern: RegExp) => result.phases.find((phase) => pattern.test(phase.name))
  const seconds = (phase: Phase | undefined) =>
    phase ? (phase.reportedSeconds ?? (phase.end - phase.start) / 1000) : undefined
  result.searchIndexSeconds = seconds(find(/search/i))
  const indexerMemory = clean.map((line) => /indexer memory ([\d.]+) MB/.exec(line.text)).find(Boolean)
  if (indexerMemory) result.searchIndexMemoryBytes = Number(indexerMemory[1]) * 1024 * 1024
  const tokens = clean.map((line) => /\b(\d+) tokens\b/.exec(line.text)).find(Boolean)
  if (tokens) result.searchIndexTokens = Number(tokens[1])
  result.imagesSeconds = seconds(find(/image/i))
  return result
}
