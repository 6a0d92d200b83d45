/**
 * Astro's own floor: the same number of pages as the site, each a few lines of fixed HTML from one route, built by
 * the project's Astro with the site's output settings (astro.config.mjs) and the Node flags of `npm run build`.
 * No data, no components, no middleware, no search index: what any Astro build of that many pages costs before it
 * renders anything of its own. Beside Hugo's figure it tells how close to Hugo an Astro site can get on this machine.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import siteConfig from '../../astro.config.mjs'
import { astroNodeFlags } from '../lib/astroNodeFlags.ts'
import { runTimed } from './timedCommand.ts'

export interface AstroFloorRun {
  pages: number
  seconds: number
  pagesPerSecond: number
  cpuSeconds?: number
}

const PAGE = `---
export function getStaticPaths() {
  return Array.from({ length: Number(process.env.FLOOR_PAGES) }, (_, index) => ({
    params: { slug: \`p\${index}\` },
    props: { index },
  }))
}
const { index } = Astro.props
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>第 {index} 篇</title></head>
<body><main><h1>第 {index} 篇</h1><p>校友新闻</p></main></body></html>
`

/**
 * Builds `pages` empty pages in `projectDir`, which must be inside `root` (Astro and its dependencies are resolved
 * from the project's node_modules).
 */
export async function buildEmptyAstroSite(
  root: string,
  projectDir: string,
  pages: number,
): Promise<AstroFloorRun> {
  await rm(projectDir, { recursive: true, force: true })
  await mkdir(path.join(projectDir, 'src/pages'), { recursive: true })
  await writeFile(path.join(projectDir, 'package.json'), '{ "name": "astro-floor", "type": "module" }\n')
  const { trailingSlash, build } = siteConfig
  await writeFile(
    path.join(projectDir, 'astro.config.mjs'),
    `export default ${JSON.stringify({ trailingSlash, build: { format: build?.format, concurrency: build?.concurrency } })}\n`,
  )
  await writeFile(path.join(projectDir, 'src/pages/[slug].astro'), PAGE)
  const { code, seconds, cpuSeconds } = await runTimed(
    process.execPath,
    [...astroNodeFlags(), path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: projectDir,
      env: { ...process.env, FLOOR_PAGES: String(pages), ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: undefined },
    },
  )
  if (code !== 0) throw new Error(`astro build of ${pages} empty pages exited with ${code}`)
  const written = (await readdir(path.join(projectDir, 'dist'), { recursive: true })).filter((file) =>
    file.endsWith('.html'),
  ).length
  return { pages: written, seconds, pagesPerSecond: written / seconds, cpuSeconds }
}
