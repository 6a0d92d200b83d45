import { readdirSync, readFileSync } from 'node:fs'

/**
 * Samples the resident memory of a whole process tree from /proc (Linux only).
 *
 * `/usr/bin/time -v` reports only the largest single process, but a build is several: the build script, Astro,
 * the search indexer after it, and whatever the integrations spawn. Summing VmRSS over the tree at each tick
 * gives the figure the machine has to hold. Shared pages (the node binary's text) are counted once per process,
 * so the sum is a slight overestimate, never an underestimate.
 */
export interface ProcessSample {
  pid: number
  /** Short name (argv[0] basename plus the script it runs, if any). */
  command: string
  rssBytes: number
}

export interface TreeSample {
  /** Milliseconds since the sampler started. */
  t: number
  totalBytes: number
  /** CPU seconds the tree has used so far, exited processes included (as last seen). */
  cpuSeconds: number
  processes: ProcessSample[]
}

export interface TreeMemory {
  samples: TreeSample[]
  peak: TreeSample | undefined
  /** Largest RSS each command reached on its own (over all its processes' lifetimes), largest first. */
  peakByCommand: Array<{ command: string; rssBytes: number }>
  /**
   * CPU time (user + system) of every process in the tree, as last sampled: unlike wall time, it does not grow when
   * other work competes for the machine's cores.
   */
  cpuSeconds: number
  cpuSecondsByCommand: Array<{ command: string; cpuSeconds: number }>
}

function readChildren(pid: number): number[] {
  const children: number[] = []
  let tasks: string[]
  try {
    tasks = readdirSync(`/proc/${pid}/task`)
  } catch {
    return children
  }
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) {
        if (child.trim()) children.push(Number(child))
      }
    } catch {
      // the thread or process exited between readdir and read
    }
  }
  return children
}

function readRss(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0 // zombies have no VmRSS
  } catch {
    return undefined
  }
}

/** "node …/astro.mjs build" → "node astro.mjs"; "/…/chromium --headless" → "chromium". */
export function describeCommand(argv: string[]): string {
  const base = (part: string) => part.split('/').pop() ?? part
  const [program = '?', ...rest] = argv
  const script = rest.find((part) => /\.(m?[jt]s|cjs)$/.test(part))
  return script ? `${base(program)} ${base(script)}` : base(program)
}

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100

function readCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return undefined
  }
}

/** The command line's name, or undefined while there is none (a process being created or exiting). */
function readCommand(pid: number): string | undefined {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)
    return argv.length > 0 ? describeCommand(argv) : undefined
  } catch {
    return undefined
  }
}

/** Starts sampling the tree under `rootPid` every `intervalMs`; `stop()` returns what was seen. */
export function sampleProcessTree(rootPid: number, intervalMs = 100) {
  const started = performance.now()
  const samples: TreeSample[] = []
  const commands = new Map<number, string>()
  const peakByCommand = new Map<string, number>()
  const cpuByPid = new Map<number, number>()

  const tick = () => {
    const processes: ProcessSample[] = []
    const queue = [rootPid]
    const seen = new Set<number>()
    for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
      if (seen.has(pid)) continue
      seen.add(pid)
      const rss = readRss(pid)
      if (rss === undefined) continue
      // Read on every tick: a child that has forked but not yet exec'd still shows its parent's command line.
      const current = readCommand(pid)
      if (current) commands.set(pid, current)
      const command = commands.get(pid) ?? `pid ${pid}`
      processes.push({ pid, command, rssBytes: rss })
      peakByCommand.set(command, Math.max(peakByCommand.get(command) ?? 0, rss))
      const cpu = readCpuSeconds(pid)
      if (cpu !== undefined) cpuByPid.set(pid, cpu)
      queue.push(...readChildren(pid))
    }
    if (processes.length === 0) return
    let cpuSeconds = 0
    for (const cpu of cpuByPid.values()) cpuSeconds += cpu
    samples.push({
      t: performance.now() - started,
      totalBytes: processes.reduce((sum, p) => sum + p.rssBytes, 0),
      cpuSeconds,
      processes,
    })
  }

  tick()
  const timer = setInterval(tick, intervalMs)
  return {
    startedAt: started,
    stop(): TreeMemory {
      clearInterval(timer)
      tick()
      const peak = samples.reduce<TreeSample | undefined>(
        (best, sample) => (!best || sample.totalBytes > best.totalBytes ? sample : best),
        undefined,
      )
      const cpuByCommand = new Map<string, number>()
      for (const [pid, cpu] of cpuByPid) {
        const command = commands.get(pid) ?? `pid ${pid}`
        cpuByCommand.set(command, (cpuByCommand.get(command) ?? 0) + cpu)
      }
      return {
        samples,
        peak,
        cpuSeconds: [...cpuByPid.values()].reduce((sum, cpu) => sum + cpu, 0),
        cpuSecondsByCommand: [...cpuByCommand]
          .map(([command, cpuSeconds]) => ({ command, cpuSeconds }))
          .sort((a, b) => b.cpuSeconds - a.cpuSeconds),
        peakByCommand: [...peakByCommand]
          .map(([command, rssBytes]) => ({ command, rssBytes }))
          .sort((a, b) => b.rssBytes - a.rssBytes),
      }
    },
    /** The latest total, for a memory guard. */
    latest(): TreeSample | undefined {
      return samples[samples.length - 1]
    },
  }
}
