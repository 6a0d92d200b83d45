import { spawn } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { loadavg } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { parseBuildLog, type BuildLog, type LogLine } from './buildLog.ts'
import { sampleProcessTree, type TreeSample } from './processTree.ts'

export interface PhaseMemory {
  phase: string
  seconds: number
  /** CPU time of the whole tree during the phase (2 cores: up to twice the wall time). */
  cpuSeconds: number
  peakBytes: number
  /** The largest process at the phase's peak. */
  top?: { command: string; rssBytes: number }
  /** Tree memory when the phase began, to tell what the phase itself added. */
  startBytes: number
}

export interface BuildRun {
  ok: boolean
  exitCode: number | null
  /** Set when the bench stopped the build (memory guard). */
  aborted?: string
  wallSeconds: number
  log: BuildLog
  memory: {
    peakBytes: number
    peakAtSeconds: number
    /** Processes at the moment of the peak, largest first. */
    atPeak: Array<{ pid: number; command: string; rssBytes: number }>
    peakByCommand: Array<{ command: string; rssBytes: number }>
    byPhase: PhaseMemory[]
  }
  /** CPU time of the whole tree: a figure that other work on the machine does not inflate. */
  cpuSeconds: number
  cpuSecondsByCommand: Array<{ command: string; cpuSeconds: number }>
  /** 1-minute load average when the build started: other work on the machine skews the timings. */
  loadAverage: number
  imagesNewlyResized?: number
  /** The last lines of output, for a failed build. */
  tail: string
}

export interface BuildOptions {
  root: string
  dataset: string
  outDir: string
  buildTime: string
  /** Stop the build when the tree's resident memory passes this many bytes. */
  memoryLimitBytes: number
  logFile?: string
}

/** Runs the real `npm run build` pipeline (scripts/build.ts) and measures it from outside. */
export async function runBuild(options: BuildOptions): Promise<BuildRun> {
  await rm(options.outDir, { recursive: true, force: true })
  const loadAverage = loadavg()[0]!
  const started = performance.now()
  const child = spawn(process.execPath, [path.join(options.root, 'scripts/build.ts')], {
    cwd: options.root,
    // Its own process group, so the memory guard can stop the build and everything it spawned.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      NO_UPDATE_NOTIFIER: '1',
      SANITY_PROJECT_ID: '',
      CONTENT_DATASET: options.dataset,
      OUT_DIR: options.outDir,
      BUILD_TIME: options.buildTime,
    },
  })
  const sampler = sampleProcessTree(child.pid!, 100)
  const offset = sampler.startedAt - started
  const lines: LogLine[] = []
  const collect = (stream: NodeJS.ReadableStream) =>
    createInterface({ input: stream }).on('line', (text) =>
      lines.push({ t: performance.now() - started, text }),
    )
  collect(child.stdout!)
  collect(child.stderr!)

  let aborted: string | undefined
  const guard = setInterval(() => {
    const latest = sampler.latest()
    if (!aborted && latest && latest.totalBytes > options.memoryLimitBytes) {
      const top = [...latest.processes].sort((a, b) => b.rssBytes - a.rssBytes)[0]
      aborted =
        `stopped by the bench: the build's processes held ${(latest.totalBytes / 2 ** 30).toFixed(1)} GiB ` +
        `(limit ${(options.memoryLimitBytes / 2 ** 30).toFixed(1)} GiB; largest: ${top?.command} ${((top?.rssBytes ?? 0) / 2 ** 30).toFixed(1)} GiB) ` +
        `after ${(latest.t / 1000).toFixed(0)} s; last line: ${lines[lines.length - 1]?.text ?? ''}`
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }
  }, 200)

  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const exitAt = performance.now() - started
  clearInterval(guard)
  const memory = sampler.stop()
  if (aborted) await rm(`${options.outDir}.staging`, { recursive: true, force: true })

  const log = parseBuildLog(lines, exitAt)
  const at = (sample: TreeSample) => sample.t + offset
  const byPhase: PhaseMemory[] = log.phases.map((phase) => {
    const within = memory.samples.filter((sample) => at(sample) >= phase.start && at(sample) <= phase.end)
    const before = memory.samples.filter((sample) => at(sample) <= phase.start).pop()
    const peak = within.reduce<TreeSample | undefined>(
      (best, sample) => (!best || sample.totalBytes > best.totalBytes ? sample : best),
      undefined,
    )
    const top = peak ? [...peak.processes].sort((a, b) => b.rssBytes - a.rssBytes)[0] : undefined
    const last = memory.samples.filter((sample) => at(sample) <= phase.end).pop()
    return {
      phase: phase.name,
      seconds: (phase.end - phase.start) / 1000,
      cpuSeconds: Math.max(0, (last?.cpuSeconds ?? 0) - (before?.cpuSeconds ?? 0)),
      peakBytes: peak?.totalBytes ?? 0,
      ...(top ? { top: { command: top.command, rssBytes: top.rssBytes } } : {}),
      startBytes: before?.totalBytes ?? 0,
    }
  })
  const output = lines.map((line) => `${(line.t / 1000).toFixed(3).padStart(8)} ${line.text}`).join('\n')
  if (options.logFile) {
    const { writeFile, mkdir } = await import('node:fs/promises')
    await mkdir(path.dirname(options.logFile), { recursive: true })
    await writeFile(options.logFile, `${output}\n`)
  }
  const resized = lines.map((line) => /\((\d+) newly resized\)/.exec(line.text)).find(Boolean)

  return {
    ok: exitCode === 0 && !aborted,
    exitCode,
    ...(aborted ? { aborted } : {}),
    wallSeconds: exitAt / 1000,
    log,
    memory: {
      peakBytes: memory.peak?.totalBytes ?? 0,
      peakAtSeconds: memory.peak ? at(memory.peak) / 1000 : 0,
      atPeak: [...(memory.peak?.processes ?? [])].sort((a, b) => b.rssBytes - a.rssBytes),
      peakByCommand: memory.peakByCommand,
      byPhase,
    },
    cpuSeconds: memory.cpuSeconds,
    cpuSecondsByCommand: memory.cpuSecondsByCommand,
    loadAverage,
    ...(resized ? { imagesNewlyResized: Number(resized[1]) } : {}),
    tail: lines
      .filter((line) => !/[├└]─/.test(line.text))
      .slice(-25)
      .map((line) => line.text)
      .join('\n'),
  }
}
