import { Transform } from 'node:stream'

const ANSI = String.raw`(?:\x1b\[[0-9;]*m)*`
/** Where a page's line starts in Astro's build log: its time, then "├─" (colours around either). */
const PAGE_START = new RegExp(String.raw`(?:\x1b\[[0-9;]*m)?\d{2}:\d{2}:\d{2}${ANSI}\s+${ANSI}├─`, 'g')
/** The render time Astro appends to a page's line: " (+53ms)", dimmed or red. */
const RENDER_TIME = new RegExp(String.raw`\s*${ANSI}\(\+[\d.]+m?s\)${ANSI}\s*$`)

/**
 * One line of Astro's build log made readable again when it renders several pages at once (build.concurrency):
 * Astro writes a page's path, and only later its render time and the line's end, so the paths of the pages in flight
 * run together on one line and each time ends up beside another page. Each path gets its own line; the times, which
 * no longer say which page they belong to, are left out. Other lines pass unchanged.
 */
export function tidyPageLogLine(line: string): string {
  if (!line.includes('├─')) return line
  const starts = [...line.matchAll(PAGE_START)].map((match) => match.index)
  if (starts.length === 0) return line
  const pieces = starts.map((start, index) => line.slice(start, starts[index + 1]).replace(RENDER_TIME, ''))
  return [line.slice(0, starts[0]) + pieces[0], ...pieces.slice(1)].join('\n')
}

/** A stream of Astro's build log with every complete line passed through tidyPageLogLine. */
export function tidyPageLog(): Transform {
  let pending = ''
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending += chunk.toString('utf8')
      const end = pending.lastIndexOf('\n')
      if (end === -1) return done()
      const lines = pending.slice(0, end).split('\n')
      pending = pending.slice(end + 1)
      done(null, `${lines.map(tidyPageLogLine).join('\n')}\n`)
    },
    flush(done) {
      done(null, pending ? tidyPageLogLine(pending) : '')
    },
  })
}
