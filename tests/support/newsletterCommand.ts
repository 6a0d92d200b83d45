import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { ROOT } from './buildSite.ts'

export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
  /** Both streams: what a terminal or a CI log would show. */
  output: string
}

/** Runs `npm run newsletter:<name>` as the editor would (the script itself, on the Node that runs the tests). */
export async function runNewsletterCommand(
  name: 'send' | 'wechat',
  args: string[],
  env: Record<string, string | undefined>,
  onStart?: (child: ChildProcess) => void,
): Promise<CommandResult> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/newsletter', `${name}.ts`), ...args], {
    cwd: ROOT,
    // Nothing from the developer's own environment (a real SMTP_PASSWORD, a real AppSecret) reaches the test run.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NEWSLETTER_ENV_FILE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  onStart?.(child)
  let stdout = ''
  let stderr = ''
  let output = ''
  child.stdout!.on('data', (chunk) => ((stdout += chunk), (output += chunk)))
  child.stderr!.on('data', (chunk) => ((stderr += chunk), (output += chunk)))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout, stderr, output }
}
