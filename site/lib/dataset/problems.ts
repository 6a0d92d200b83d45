/** One thing wrong with a dataset, located as precisely as we can: NDJSON line, document, field path. */
export interface DatasetProblem {
  level: 'error' | 'warning'
  /** 1-based line in data.ndjson; 0 when the problem is not tied to a line. */
  line: number
  documentId?: string
  type?: string
  /** Field path inside the document, e.g. `sections[0].items[2]` or `slug.current`. */
  path?: string
  message: string
}

export type PathSegment = string | number

/** `['sections', 0, 'items', 2]` → `sections[0].items[2]`. */
export function pathToString(path: readonly PathSegment[]): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out ? `.${segment}` : segment
  }
  return out
}

/** `line 42, document "article-7" (article): slug.current: is required but missing` */
export function formatProblem(problem: DatasetProblem): string {
  // Line 0: not from a file (a document from the Content Lake).
  let where = problem.line > 0 ? `line ${problem.line}` : ''
  if (problem.documentId !== undefined) {
    where += `${where ? ', ' : ''}document "${problem.documentId}"`
    if (problem.type) where += ` (${problem.type})`
  }
  if (problem.path) where += `: ${problem.path}`
  return `${where}: ${problem.message}`
}

export function countProblems(problems: readonly DatasetProblem[]): { errors: number; warnings: number } {
  let errors = 0
  for (const problem of problems) if (problem.level === 'error') errors++
  return { errors, warnings: problems.length - errors }
}

/** Stable reading order: by line, then by field path. */
export function sortProblems(problems: readonly DatasetProblem[]): DatasetProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.line - b.line || (a.path ?? '').localeCompare(b.path ?? '') || a.message.localeCompare(b.message),
  )
}
