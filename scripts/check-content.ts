/**
 * npm run check:content [-- <dataset>]
 *
 * Checks a dataset in `sanity dataset export` format (folder, data.ndjson or .tar.gz; default `dataset/`)
 * against the Studio's schema rules and the dataset-wide rules, prints every problem, and exits 1 on errors.
 * Warnings alone (drafts, editorial advice) do not fail.
 */
import path from 'node:path'
import { checkDataset, countProblems, DatasetReadError, formatProblem } from '../site/lib/dataset/index.ts'

const datasetPath = process.argv[2] ?? 'dataset'

try {
  const { ndjsonPath, documentCount, problems } = await checkDataset(datasetPath)
  const relative = path.relative(process.cwd(), ndjsonPath)
  const where = relative && !relative.startsWith('..') ? relative : ndjsonPath
  for (const problem of problems) {
    const line = `${where} ${formatProblem(problem)}`
    if (problem.level === 'error') console.error(`error   ${line}`)
    else console.warn(`warning ${line}`)
  }
  const { errors, warnings } = countProblems(problems)
  console.log(
    `${where}: ${documentCount} document${documentCount === 1 ? '' : 's'} checked, ${errors} error${errors === 1 ? '' : 's'}, ` +
      `${warnings} warning${warnings === 1 ? '' : 's'}`,
  )
  process.exitCode = errors > 0 ? 1 : 0
} catch (error) {
  if (!(error instanceof DatasetReadError)) throw error
  console.error(`error   ${error.message}`)
  process.exitCode = 1
}
