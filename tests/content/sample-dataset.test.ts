import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDataset, formatProblem } from '../../site/lib/dataset/index.ts'

const sample = path.resolve(import.meta.dirname, '../../dataset')

describe('the sample dataset in dataset/', () => {
  it('exists in `sanity dataset export` format', () => {
    expect(existsSync(path.join(sample, 'data.ndjson')), `${sample}/data.ndjson`).toBe(true)
  })

  it('has no errors', { timeout: 120_000 }, async () => {
    const { problems } = await checkDataset(sample)
    // Listed in full so that a failure says what to fix.
    const errors = problems.filter((problem) => problem.level === 'error').map(formatProblem)
    const warnings = problems.filter((problem) => problem.level === 'warning').map(formatProblem)
    if (warnings.length > 0) console.warn(`dataset/ warnings:\n${warnings.join('\n')}`)
    expect(errors).toEqual([])
  })
})
