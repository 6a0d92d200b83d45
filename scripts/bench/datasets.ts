import { spawn } from 'node:child_process'
import { createReadStream } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

/** "1000,5k,20000" → [1000, 5000, 20000]. */
export function parseSizes(text: string): number[] {
  return text.split(',').map((part) => {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(k?)\s*$/i.exec(part)
    const size = match ? Math.round(Number(match[1]) * (match[2] ? 1000 : 1)) : NaN
    if (!Number.isInteger(size) || size <= 0)
      throw new Error(`--sizes: "${part}" is not a number of documents (e.g. 1000,5000,20000 or 1k,5k,20k)`)
    return size
  })
}

/** 1000 → "1k", 20000 → "20k", 1500 → "1.5k", 800 → "800". */
export function sizeLabel(documents: number): string {
  return documents >= 1000 ? `${Number((documents / 1000).toFixed(1))}k` : String(documents)
}

export async function countLines(file: string): Promise<number> {
  let lines = 0
  for await (const chunk of createReadStream(file))
    for (const byte of chunk as Buffer) if (byte === 10) lines++
  return lines
}

const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  )

/**
 * A synthetic dataset of `documents` documents of the given corpus (realistic or narrow) under `cacheDir`, generated once by the project's generator
 * (scripts/generate-dataset) and reused while its data.ndjson has the expected number of lines.
 */
export async function syntheticDataset(
  root: string,
  cacheDir: string,
  documents: number,
  seed: string,
  corpus: string,
): Promise<string> {
  const folder = path.join(cacheDir, `${documents}-seed-${seed}-${corpus}`)
  const data = path.join(folder, 'data.ndjson')
  if (
    (await exists(data)) &&
    (await exists(path.join(folder, 'images'))) &&
    (await countLines(data)) === documents
  )
    return folder

  // Written beside and moved into place, so an interrupted run never leaves a half-written dataset to reuse.
  const partial = `${folder}.partial`
  await rm(partial, { recursive: true, force: true })
  const args = [
    path.join(root, 'scripts/generate-dataset/main.ts'),
    '--documents',
    String(documents),
    '--out',
    partial,
    '--seed',
    seed,
    '--corpus',
    corpus,
  ]
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('close', resolve)
  })
  if (code !== 0)
    throw new Error(`generate:dataset --documents ${documents} --out ${partial} failed (exit ${code})`)
  await rm(folder, { recursive: true, force: true })
  await rename(partial, folder)
  return folder
}
