import { mkdir, realpath } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { DeliveryError } from './errors.ts'
import { REPO_ROOT } from './edition.ts'

/**
 * Where the delivery commands keep what they must remember between runs (the e-mail send log, the 公众号 upload
 * record): NEWSLETTER_STATE_DIR, else $XDG_STATE_HOME/alumni-news, else ~/.local/state/alumni-news. Never inside
 * the repository or a build, so nothing about recipients can be committed, imported or published.
 */
export async function stateDir(env: NodeJS.ProcessEnv = process.env, buildDir?: string): Promise<string> {
  const configured =
    env.NEWSLETTER_STATE_DIR ||
    path.join(env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'), 'alumni-news')
  const dir = path.resolve(expandHome(configured))
  const forbidden = [REPO_ROOT, buildDir].filter((value): value is string => Boolean(value))
  // Checked before the folder is made (nothing is created inside the repository) and after (symlinks resolved).
  const check = async (target: string) => {
    for (const folder of forbidden) if (await isInside(target, folder)) refuse(folder)
  }
  const refuse = (folder: string): never => {
    throw new DeliveryError(
      `状态文件夹 ${dir} 在 ${folder} 里面：发送记录必须放在项目文件夹和网站构建以外。` +
        `请把 NEWSLETTER_STATE_DIR 设为别处的文件夹（默认 ~/.local/state/alumni-news）。`,
    )
  }
  await check(dir)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const real = await realpath(dir)
  await check(real)
  return real
}

/**
 * The settings file the office's technical colleague writes once, so an editor types only the command:
 * NEWSLETTER_ENV_FILE, else ~/.config/alumni-news/newsletter.env, if it exists (KEY=value lines). Variables already
 * set in the environment win. Refused inside the repository: it holds the SMTP password and the AppSecret.
 */
export async function loadSettingsFile(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const file = env.NEWSLETTER_ENV_FILE ?? path.join(os.homedir(), '.config', 'alumni-news', 'newsletter.env')
  if (!file || !(await realpath(file).catch(() => undefined))) return undefined
  if (await isInside(file, REPO_ROOT)) {
    throw new DeliveryError(`设置文件 ${file} 在项目文件夹里：它含有密码，请放到 ~/.config/alumni-news/。`)
  }
  process.loadEnvFile(file)
  return file
}

/** `~/…` as a shell would read it: settings files are not read by a shell. */
export function expandHome(value: string): string {
  return value === '~' || value.startsWith('~/') ? path.join(os.homedir(), value.slice(1)) : value
}

/** Whether `target` (an existing path) lies inside `folder`, comparing real paths so symlinks cannot hide it. */
export async function isInside(target: string, folder: string): Promise<boolean> {
  const realFolder = await realpath(folder).catch(() => path.resolve(folder))
  const realTarget = await realpath(target).catch(() => path.resolve(target))
  const relative = path.relative(realFolder, realTarget)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/** A file name for the site the build belongs to: logs of two sites with the same issue slug stay apart. */
export function siteKey(permalink: string): string {
  return new URL(permalink).host.replace(/[^a-zA-Z0-9.-]/g, '_')
}
