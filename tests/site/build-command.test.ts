import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tidyPageLogLine } from '../../scripts/lib/pageLogLines.ts'
import { ROOT, TEST_BUILD_TIME } from '../support/buildSite.ts'
import { block, slug, writeExportDataset } from '../support/fixtureDataset.ts'

// `npm run build` (scripts/build.ts) as a campus server runs it: the output outside the project (OUT_DIR=/srv/www/…),
// sometimes twice at once (the cron build and an editor's manual one).

let work: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'build-command-'))
  await writeExportDataset(path.join(work, 'dataset'), [
    {
      _id: 'siteSettings',
      _type: 'siteSettings',
      title: '明湖大学校友总会',
      description: '构建命令测试站点',
    },
    ...['one', 'two', 'three'].map((name) => ({
      _id: `article-${name}`,
      _type: 'article',
      title: `校园新闻 ${name}`,
      slug: slug(`article-${name}`),
      publishedAt: '2026-05-01T02:00:00Z',
      excerpt: '摘要。',
      category: 'news',
      body: [block('正文。')],
    })),
  ])
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

function build(outDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        OUT_DIR: outDir,
        CONTENT_DATASET: path.join(work, 'dataset'),
        BUILD_TIME: TEST_BUILD_TIME,
        SANITY_PROJECT_ID: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe('npm run build with the output outside the project', () => {
  it('builds two sites at once, one after the other, instead of deleting each other’s pages', async () => {
    const [production, staging] = [path.join(work, 'www/alumni'), path.join(work, 'www/staging')]
    const results = await Promise.all([build(production), build(staging)])
    for (const [index, outDir] of [production, staging].entries()) {
      expect(results[index]!.code, results[index]!.output).toBe(0)
      expect(existsSync(path.join(outDir, 'index.html'))).toBe(true)
      expect((await readdir(path.join(outDir, 'articles'))).sort()).toEqual([
        'article-one',
        'article-three',
        'article-two',
        'index.html',
      ])
    }
    expect(results.filter((result) => result.output.includes('Waiting for the build')).length).toBe(1)
    // Astro renders several pages at once; its log still names one page per line.
    for (const { output } of results) {
      // Colours are on when CI is set (picocolors' rule), whatever the terminal.
      const pageLines = output
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .filter((line) => line.includes('├─'))
      expect(pageLines.length).toBeGreaterThanOrEqual(4)
      for (const line of pageLines) expect(line).toMatch(/^\d{2}:\d{2}:\d{2} +├─ \/\S+$/)
    }
  })
})

describe("Astro's page log", () => {
  it('puts each page on its own line and leaves out render times that belong to other pages', () => {
    expect(
      tidyPageLogLine(
        '11:02:29   ├─ /404.html11:02:29   ├─ /alumni/rss.xml11:02:29   ├─ /alumni/a/index.html (+53ms) ',
      ),
    ).toBe('11:02:29   ├─ /404.html\n11:02:29   ├─ /alumni/rss.xml\n11:02:29   ├─ /alumni/a/index.html')
    const dim = (text: string) => `\x1b[2m${text}\x1b[22m`
    const page = (path: string) => `${dim('11:02:29')}   \x1b[34m├─\x1b[39m ${dim(path)}`
    expect(tidyPageLogLine(`${page('/a/')}${page('/b/')} ${dim('(+5ms)')} `)).toBe(
      `${page('/a/')}\n${page('/b/')}`,
    )
    expect(tidyPageLogLine('11:02:30 [build] ✓ Completed in 1.44s.')).toBe(
      '11:02:30 [build] ✓ Completed in 1.44s.',
    )
  })
})
