/**
 * Runs mutations (scripts/fuzz/mutate.ts) and checks what the build does with them:
 * - `checkMutation`: one mutation through the build's own content pipeline in-process (read, assets, contract);
 * - `buildBatch`: a batch of mutations on distinct documents through the real `npm run build`.
 * Each returns a list of failures (empty: the build behaved as the issue demands).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import ICAL from 'ical.js'
import { valid as validHtml } from 'node-html-parser'
import { checkContentContract, type ContractRecord } from '../../site/lib/contract.ts'
import { toContentLakeDocuments } from '../../site/lib/dataset/assets.ts'
import type { DatasetProblem } from '../../site/lib/dataset/problems.ts'
import { parseNdjson } from '../../site/lib/dataset/read.ts'
import {
  cloneDocuments,
  type Doc,
  FORBIDDEN_OUTPUT,
  mutate,
  type Mutation,
  random,
  toNdjson,
} from './mutate.ts'

export const ROOT = path.resolve(import.meta.dirname, '../..')
export const SAMPLE_DATASET = path.join(ROOT, 'dataset')

export async function readSampleDocuments(): Promise<Doc[]> {
  const text = await readFile(path.join(SAMPLE_DATASET, 'data.ndjson'), 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Doc)
}

/** Does an error name this mutation's document and field (or a path inside the field)? */
export function names(problem: { documentId?: string; path?: string }, mutation: Mutation): boolean {
  if (problem.documentId !== mutation.documentId) return false
  const at = problem.path ?? ''
  return at === mutation.field || at.startsWith(`${mutation.field}.`) || at.startsWith(`${mutation.field}[`)
}

/** The content pipeline of a local build, in-process: every problem it would print. Never throws on content. */
export function pipelineProblems(ndjson: string, assetsRoot: string): DatasetProblem[] {
  const { records, problems } = parseNdjson(ndjson)
  const assets = toContentLakeDocuments(records, assetsRoot).problems.filter(
    (problem) => !problem.message.endsWith('is missing from the dataset'),
  )
  return [...problems, ...assets, ...checkContentContract(records as ContractRecord[])]
}

/** One seeded mutation of the sample dataset, checked in-process. */
export function checkMutation(
  base: readonly Doc[],
  seed: number,
): { mutation?: Mutation; failures: string[] } {
  const documents = cloneDocuments(base)
  const mutation = mutate(documents, random(seed))
  if (!mutation) return { failures: [] }
  const label = `seed ${seed}, ${mutation.kind} on "${mutation.documentId}" ${mutation.field}`
  let problems: DatasetProblem[]
  try {
    problems = pipelineProblems(toNdjson(documents), SAMPLE_DATASET)
  } catch (error) {
    return { mutation, failures: [`${label}: uncaught ${(error as Error).stack ?? error}`] }
  }
  const errors = problems.filter((problem) => problem.level === 'error')
  const failures: string[] = []
  if (mutation.expect === 'error' && !errors.some((problem) => names(problem, mutation))) {
    failures.push(`${label}: expected an error naming the document and field, got ${JSON.stringify(errors)}`)
  }
  if (mutation.expect === 'ok' && errors.length > 0) {
    failures.push(`${label}: expected no error, got ${JSON.stringify(errors)}`)
  }
  for (const problem of errors) {
    if (problem.documentId !== mutation.documentId)
      failures.push(`${label}: an error names another document: ${JSON.stringify(problem)}`)
  }
  return { mutation, failures }
}

// ---------------------------------------------------------------------------------------------------------------
// Full builds

export interface BatchOptions {
  work: string
  seed: number
  /** How many documents to damage. */
  count: number
  /** Only mutations with this outcome (to build a batch that must succeed, or one that must fail). */
  only?: 'error' | 'ok'
  allowFiles?: boolean
  env?: Record<string, string>
  /** Mutations applied first, on the documents themselves (the cases a test names). */
  fixed?: (documents: Doc[]) => Mutation[]
}

export interface BatchResult {
  mutations: Mutation[]
  code: number | null
  output: string
  failures: string[]
}

/** Writes a mutated copy of the sample dataset, builds it with `npm run build`, and checks the outcome. */
export async function buildBatch(base: readonly Doc[], options: BatchOptions): Promise<BatchResult> {
  const next = random(options.seed)
  let documents = cloneDocuments(base)
  const mutations: Mutation[] = []
  const avoid = new Set<string>()
  for (const mutation of options.fixed?.(documents) ?? []) {
    avoid.add(mutation.documentId)
    mutations.push(mutation)
  }
  const wanted = mutations.length + options.count
  for (let attempt = 0; mutations.length < wanted && attempt < options.count * 20; attempt++) {
    const candidate = cloneDocuments(documents)
    const mutation = mutate(candidate, next, { allowFiles: options.allowFiles, avoid })
    if (!mutation || avoid.has(mutation.documentId)) continue
    if (options.only && mutation.expect !== options.only) continue
    documents = candidate
    avoid.add(mutation.documentId)
    mutations.push(mutation)
  }

  const dataset = path.join(options.work, 'dataset')
  const outDir = path.join(options.work, 'out')
  await rm(options.work, { recursive: true, force: true })
  await mkdir(path.join(dataset, 'images'), { recursive: true })
  await cp(path.join(SAMPLE_DATASET, 'images'), path.join(dataset, 'images'), { recursive: true })
  await writeFile(path.join(dataset, 'data.ndjson'), toNdjson(documents))
  for (const file of mutations.flatMap((mutation) => mutation.files ?? [])) {
    const target = path.join(dataset, file.path)
    if (file.symlinkTo) await symlink(file.symlinkTo, target)
    else await writeFile(target, file.bytes!)
  }
  // A previous site the failed build must leave alone.
  await mkdir(outDir, { recursive: true })
  await writeFile(path.join(outDir, 'previous.txt'), 'the previous site')

  const { code, output } = await runBuild({ CONTENT_DATASET: dataset, OUT_DIR: outDir, ...options.env })
  const failures: string[] = []
  const label = (mutation: Mutation) => `${mutation.kind} on "${mutation.documentId}" ${mutation.field}`
  if (/RangeError|Maximum call stack|TypeError|is not a function|Cannot read properties/.test(output)) {
    failures.push(`the build threw an uncaught exception:\n${output.slice(-3000)}`)
  }
  for (const value of mutations.flatMap((mutation) => mutation.planted ?? [])) {
    if (output.toLowerCase().includes(value.toLowerCase()))
      failures.push(`the build log shows the planted private value ${value}`)
  }
  const errors = errorLines(output)
  if (code !== 0) {
    if (errors.length === 0)
      failures.push(`the build failed without naming a document:\n${output.slice(-3000)}`)
    for (const mutation of mutations.filter((candidate) => candidate.expect === 'error')) {
      const field = new RegExp(
        `document "${escape(mutation.documentId)}" \\(\\w+\\): ${escape(mutation.field)}([.[:]|$)`,
      )
      if (!errors.some((line) => field.test(line))) failures.push(`no error names ${label(mutation)}`)
    }
    if ((await readFile(path.join(outDir, 'previous.txt'), 'utf8').catch(() => '')) !== 'the previous site') {
      failures.push('the failed build touched the previous output')
    }
    if (existsSync(`${outDir}.staging`)) failures.push('the failed build left its staging folder behind')
  } else {
    for (const mutation of mutations.filter((candidate) => candidate.expect === 'error')) {
      failures.push(`the build succeeded although ${label(mutation)} must fail it`)
    }
    failures.push(...(await outputFailures(outDir, mutations)))
  }
  return { mutations, code, output, failures }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** `[content] error: … document "x" (type): field: message` lines of a build's output. */
export function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => line.includes('[content] error:'))
}

/** What a successful build of mutated content must never contain. */
async function outputFailures(outDir: string, mutations: readonly Mutation[]): Promise<string[]> {
  const failures: string[] = []
  const planted = mutations.flatMap((mutation) => mutation.planted ?? [])
  for (const file of await listFiles(outDir)) {
    if (!/\.(html|xml|ics|json|txt|js)$/.test(file) && !file.startsWith('_search/')) continue
    const text = await readFile(path.join(outDir, file), 'utf8')
    // The search index's .bin files are binary (their bytes are not text); they are searched for planted values only.
    const forbidden = file.endsWith('.bin') ? null : FORBIDDEN_OUTPUT.exec(text)
    if (forbidden) {
      const at = forbidden.index
      failures.push(
        `${file} contains U+${forbidden[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`,
      )
    }
    // The search index stores words lowercased.
    const lower = text.toLowerCase()
    for (const value of planted) {
      if (text.includes(value) || lower.includes(value.toLowerCase()))
        failures.push(`${file} leaks the planted private value ${value}`)
    }
    if (file.endsWith('.xml')) {
      const valid = XMLValidator.validate(text)
      if (valid !== true)
        failures.push(`${file} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
    }
    if (file.endsWith('.ics')) {
      try {
        ICAL.parse(text)
      } catch (error) {
        failures.push(`${file} is not valid iCalendar: ${(error as Error).message}`)
      }
    }
    if (file.endsWith('.html') && !validHtml(text)) failures.push(`${file} does not parse as HTML`)
  }
  return failures
}

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true }).catch(() => [])
  const files: string[] = []
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await listFiles(root, relative)))
    else files.push(relative)
  }
  return files
}

function runBuild(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/build.ts'), '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      BUILD_TIME: '2026-11-21T04:00:00Z',
      SANITY_PROJECT_ID: '',
      CONTENT_PERSPECTIVE: 'published',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })))
}
