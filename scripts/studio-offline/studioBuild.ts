import { spawn } from 'node:child_process'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
/** Must match studio/env.ts: the offline build's project id and dataset. */
export const OFFLINE_PROJECT_ID = 'offline'
export const OFFLINE_DATASET = 'production'
export const offlineStudioDir = path.join(repoRoot, 'dist-studio-offline')

const STAMP = '.sources-stamp'
const SOURCES = ['studio', 'schemas', 'package-lock.json']

/**
 * Builds the real Studio for the offline demo into dist-studio-offline/ (`sanity build` with
 * SANITY_STUDIO_OFFLINE=true), unless the build there is from the same sources.
 */
export async function buildOfflineStudio({ force = false } = {}): Promise<string> {
  const stamp = await sourcesStamp()
  const built = await readFile(path.join(offlineStudioDir, STAMP), 'utf8').catch(() => '')
  if (!force && built === stamp) return offlineStudioDir

  console.log('Building the offline Studio (sanity build, about a minute)…')
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npx', ['sanity', 'build', offlineStudioDir, '--yes'], {
      cwd: path.join(repoRoot, 'studio'),
      env: { ...process.env, SANITY_STUDIO_OFFLINE: 'true', DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`sanity build failed (exit ${code}):\n${output.slice(-4000)}`)),
    )
  })
  await writeFile(path.join(offlineStudioDir, STAMP), stamp)
  return offlineStudioDir
}

/** The newest modification time and the count of the Studio's source files: changes when any source does. */
async function sourcesStamp(): Promise<string> {
  let newest = 0
  let count = 0
  const visit = async (target: string) => {
    const info = await stat(target).catch(() => undefined)
    if (!info) return
    if (info.isDirectory()) {
      for (const entry of await readdir(target)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue
        await visit(path.join(target, entry))
      }
      return
    }
    newest = Math.max(newest, info.mtimeMs)
    count++
  }
  for (const source of SOURCES) await visit(path.join(repoRoot, source))
  return `${Math.round(newest)}:${count}`
}
