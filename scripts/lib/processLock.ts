import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * A lock file holding the process id of its holder. A lock left by a process that no longer runs (killed, machine
 * restarted) is taken over. Returns false when a running process holds it.
 */
export async function tryLock(lockFile: string): Promise<boolean> {
  await mkdir(path.dirname(lockFile), { recursive: true })
  // The lock appears with the holder's id already in it (a hard link to a written file): a lock created empty and
  // written afterwards would look abandoned to a process starting in between, which would then take it too.
  const claim = `${lockFile}.${process.pid}`
  await writeFile(claim, String(process.pid))
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(claim, lockFile)
        return true
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const holder = lockHolder(await readFile(lockFile, 'utf8').catch(() => ''))
        if (holder && isAlive(holder)) return false
        await rm(lockFile, { force: true })
      }
    }
    return false
  } finally {
    await rm(claim, { force: true })
  }
}

/** Waits until the lock is free and takes it; `onWait` is told the holder's process id once. */
export async function waitForLock(lockFile: string, onWait: (holder: number) => void): Promise<void> {
  let told = false
  while (!(await tryLock(lockFile))) {
    if (!told) {
      onWait(lockHolder(await readFile(lockFile, 'utf8').catch(() => '')) ?? 0)
      told = true
    }
    await sleep(500)
  }
}

export async function releaseLock(lockFile: string): Promise<void> {
  if (lockHolder(await readFile(lockFile, 'utf8').catch(() => '')) === process.pid)
    await rm(lockFile, { force: true })
}

function lockHolder(text: string): number | undefined {
  const pid = Number(text)
  return Number.isInteger(pid) && pid > 0 ? pid : undefined
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
