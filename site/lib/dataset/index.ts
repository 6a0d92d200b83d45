/**
 * Reading and checking datasets in `sanity dataset export` format.
 *
 * The site's local content source uses `readDataset` + `toContentLakeDocuments`;
 * `npm run check:content` and the tests use `checkDataset` (all of it, plus `validateDataset`).
 */
import { checkContentContract, type ContractRecord } from '../contract.ts'
import { toContentLakeDocuments } from './assets.ts'
import { type DatasetProblem, sortProblems } from './problems.ts'
import { readDataset, type ReadDatasetOptions } from './read.ts'
import { validateDataset, type ValidateDatasetOptions } from './validate.ts'

export {
  type ContentLakeDocuments,
  type LocalAsset,
  type LocalAssetDocument,
  parseExportAsset,
  toContentLakeDocuments,
  type ToContentLakeOptions,
} from './assets.ts'
export {
  countProblems,
  type DatasetProblem,
  formatProblem,
  type PathSegment,
  pathToString,
  sortProblems,
} from './problems.ts'
export {
  type Dataset,
  DatasetReadError,
  type DatasetRecord,
  parseNdjson,
  readDataset,
  type ReadDatasetOptions,
} from './read.ts'
export { studioSchema, validateDataset, type ValidateDatasetOptions } from './validate.ts'

export interface DatasetCheck {
  /** The data.ndjson that was checked. */
  ndjsonPath: string
  documentCount: number
  /** Everything found: unreadable lines, missing asset files, schema and dataset-wide problems, sorted by line. */
  problems: DatasetProblem[]
}

/** Reads a dataset and runs every check on it: what `npm run check:content` reports. */
export async function checkDataset(
  datasetPath: string,
  options: ReadDatasetOptions & Pick<ValidateDatasetOptions, 'now'> = {},
): Promise<DatasetCheck> {
  const dataset = await readDataset(datasetPath, options)
  const assets = toContentLakeDocuments(dataset.records, dataset.assetsRoot)
  const validation = await validateDataset(dataset.records, {
    now: options.now,
    assetsRoot: dataset.assetsRoot,
  })
  // The build's content contract (field types, privacy flags, sizes, Portable Text limits): whatever the Studio
  // rules above did not already report at the same place, so check:content finds everything a build refuses.
  const reported = new Set(validation.map((problem) => `${problem.line}\u0000${problem.path ?? ''}`))
  const contract = checkContentContract(dataset.records as ContractRecord[]).filter(
    (problem) => !reported.has(`${problem.line}\u0000${problem.path ?? ''}`),
  )
  return {
    ndjsonPath: dataset.ndjsonPath,
    documentCount: dataset.records.length,
    problems: sortProblems([...dataset.problems, ...assets.problems, ...validation, ...contract]),
  }
}
