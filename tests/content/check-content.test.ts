import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, it } from 'vitest'

const run = promisify(execFile)
const repoRoot = path.resolve(import.meta.dirname, '../..')
const fixture = (name: string) => path.join('tests', 'content', 'fixtures', name)

/** Runs `npm run check:content -- <dataset>` and returns its exit code and output. */
async function checkContent(dataset: string) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'check:content', '--', dataset], {
      cwd: repoRoot,
      env: { ...process.env, BUILD_TIME: '2026-06-01T00:00:00Z' },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string }
    return { code, stdout, stderr }
  }
}

// The four runs are separate processes, mostly Node starting up: they run side by side.
describe.concurrent('npm run check:content', () => {
  it('exits 0 and prints a summary for a dataset without problems', async ({ expect }) => {
    const result = await checkContent(fixture('valid'))
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('14 documents checked, 0 errors, 0 warnings')
  })

  it('exits 1 and prints each error with its line, document and field', async ({ expect }) => {
    const result = await checkContent(fixture('broken-reference'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'line 3, document "newsletterIssue-1" (newsletterIssue): sections[0].items[1]: references "article-gone", which is not in the dataset',
    )
    expect(result.stdout).toContain('3 errors, 0 warnings')
  })

  it('exits 0 when there are only warnings', async ({ expect }) => {
    const result = await checkContent(fixture('draft-problems'))
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('warning')
    expect(result.stdout).toContain('0 errors, 1 warning')
  })

  it('exits 1 with a clear message for a path that is not a dataset', async ({ expect }) => {
    const result = await checkContent(fixture('does-not-exist'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('dataset not found')
  })
})
