/**
 * npm run typegen:check — fails when the committed schema.json or site/lib/sanity.types.ts are stale.
 *
 * Regenerates both into a scratch folder (inside the repo, so Prettier formats them with the repo's config),
 * compares them with the committed files and names each file that differs.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

const studioDir = import.meta.dirname
const repoRoot = path.resolve(studioDir, '..')
const outDir = path.join(repoRoot, 'node_modules', '.cache', 'alumni-typegen-check', String(process.pid))
const sanity = path.join(repoRoot, 'node_modules', '.bin', 'sanity')

const files = [
  { committed: path.join(repoRoot, 'schema.json'), generated: path.join(outDir, 'schema.json') },
  {
    committed: path.join(repoRoot, 'site', 'lib', 'sanity.types.ts'),
    generated: path.join(outDir, 'sanity.types.ts'),
  },
]

function run(args: string[]) {
  // Through this Node (24), whatever `node` is first on PATH. Output is shown only when the command fails.
  execFileSync(process.execPath, [sanity, ...args], {
    cwd: studioDir,
    stdio: 'pipe',
    // Relative: the CLI joins the extraction path onto the project root.
    env: {
      ...process.env,
      TYPEGEN_OUT_DIR: path.relative(studioDir, outDir),
      DO_NOT_TRACK: '1',
      NO_UPDATE_NOTIFIER: '1',
    },
  })
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

mkdirSync(outDir, { recursive: true })
try {
  run(['schema', 'extract', '--force'])
  run(['typegen', 'generate'])
  const stale: string[] = []
  for (const { committed, generated } of files) {
    // The generated types name their schema file in a comment; name the committed one.
    const fresh = read(generated)?.replaceAll(
      path.join(path.relative(studioDir, outDir), 'schema.json'),
      '../schema.json',
    )
    const current = read(committed)
    const name = path.relative(repoRoot, committed)
    if (fresh === undefined) throw new Error(`typegen did not write ${generated}`)
    if (current === undefined) stale.push(`${name} is missing`)
    else if (current !== fresh) stale.push(`${name} is out of date`)
  }
  if (stale.length > 0) {
    for (const message of stale) console.error(`typegen:check: ${message}`)
    console.error('typegen:check: run `npm run typegen` and commit the result')
    process.exitCode = 1
  } else {
    console.log('typegen:check: schema.json and site/lib/sanity.types.ts are up to date')
  }
} catch (error) {
  const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer }
  console.error(`typegen:check: regenerating failed\n${stdout ?? ''}${stderr ?? ''}`)
  process.exitCode = 1
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
