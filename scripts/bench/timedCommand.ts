import { spawn } from 'node:child_process'

export interface TimedRun {
  code: number | null
  seconds: number
  /** User + system CPU time of the command and its threads and children, from the shell's `times`. */
  cpuSeconds?: number
}

/**
 * The children's CPU time from the shell's `times` (its second line, e.g. `0m5.120s 0m1.030s`), in seconds.
 */
export function childCpuSeconds(timesOutput: string): number | undefined {
  const match = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/.exec(timesOutput.trim())
  if (!match) return undefined
  const [, userMinutes, userSeconds, systemMinutes, systemSeconds] = match.map(Number) as number[]
  return userMinutes! * 60 + userSeconds! + systemMinutes! * 60 + systemSeconds!
}

/**
 * Runs a command and times it: wall time, and CPU time through the shell's `times` (written to fd 3), which counts a
 * child's CPU across all its threads (steadier than wall time on a shared machine). Its stdout is discarded.
 */
export async function runTimed(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<TimedRun> {
  const started = performance.now()
  let timesOutput = ''
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('sh', ['-c', '"$@"; status=$?; times >&3; exit $status', 'sh', command, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    })
    child.stdio[3]!.on('data', (chunk: Buffer) => (timesOutput += chunk.toString()))
    child.on('close', resolve)
  })
  return { code, seconds: (performance.now() - started) / 1000, cpuSeconds: childCpuSeconds(timesOutput) }
}
