import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { extract } from 'tar'
import type { SanityDocumentLike } from 'sanity'
import { nestingBeyond, nestingMessage } from '../../../schemas/lib/contentRules.ts'
import type { DatasetProblem } from './problems.ts'

export interface DatasetRecord {
  /** 1-based line of the document in data.ndjson. */
  line: number
  document: SanityDocumentLike
}

export interface Dataset {
  records: DatasetRecord[]
  /** Folder that `file://./images/…` asset URLs are relative to (the folder holding data.ndjson). */
  assetsRoot: string
  /** Lines that could not be read as documents. */
  problems: DatasetProblem[]
  /** The data.ndjson that was read (inside the extraction cache for a .tar.gz). */
  ndjsonPath: string
}

export interface ReadDatasetOptions {
  /** Where .tar.gz exports are unpacked; defaults to node_modules/.cache/alumni-dataset (or the OS temp dir). */
  cacheDir?: string
}

/** The dataset path cannot be used at all (missing, or not an export); per-document faults are problems instead. */
export class DatasetReadError extends Error {}

const DATA_FILE = 'data.ndjson'

/**
 * Reads a dataset in `sanity dataset export` format from
 * - an NDJSON file,
 * - a folder holding `data.ndjson` (and `images/`, `files/`), or
 * - the `.tar.gz` that `sanity dataset export` writes (one top folder with the same content).
 */
export async function readDataset(datasetPath: string, options: ReadDatasetOptions = {}): Promise<Dataset> {
  const resolved = path.resolve(datasetPath)
  const info = await stat(resolved).catch(() => undefined)
  if (!info) throw new DatasetReadError(`dataset not found: ${resolved}`)

  let ndjsonPath: string
  if (info.isDirectory()) {
    ndjsonPath = await findDataFile(resolved)
  } else if (/\.(tar\.gz|tgz)$/i.test(resolved)) {
    ndjsonPath = await findDataFile(await extractArchive(resolved, options.cacheDir))
  } else {
    ndjsonPath = resolved
  }

  const { records, problems } = parseNdjson(await readFile(ndjsonPath))
  return { records, problems, assetsRoot: path.dirname(ndjsonPath), ndjsonPath }
}

/**
 * Parses NDJSON, as text or as the file's UTF-8 bytes; every line that is not a document becomes a problem, none is
 * dropped silently.
 */
export function parseNdjson(ndjson: string | Buffer): { records: DatasetRecord[]; problems: DatasetProblem[] } {
  const records: DatasetRecord[] = []
  const problems: DatasetProblem[] = []
  for (const [line, text] of ndjsonLines(ndjson)) {
    const source = text.trim()
    if (source === '') continue
    let value: unknown
    try {
      value = JSON.parse(source)
    } catch (error) {
      problems.push({ level: 'error', line, message: `malformed JSON: ${(error as Error).message}` })
      continue
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ level: 'error', line, message: 'a line must hold one JSON object (a document)' })
      continue
    }
    const document = value as Record<string, unknown>
    const id = typeof document._id === 'string' && document._id !== '' ? document._id : undefined
    const type = typeof document._type === 'string' && document._type !== '' ? document._type : undefined
    if (!id || !type) {
      problems.push({
        level: 'error',
        line,
        documentId: id,
        type,
        path: id ? '_type' : '_id',
        message: 'every document needs a non-empty string _id and _type',
      })
      continue
    }
    // Checked before anything walks the document: recursive walkers would overflow the stack on it.
    const deep = nestingBeyond(document)
    if (deep) {
      problems.push({
        level: 'error',
        line,
        documentId: id,
        type,
        path: String(deep[0]),
        message: nestingMessage(),
      })
      continue
    }
    records.push({ line, document: document as SanityDocumentLike })
  }
  return { records, problems }
}

/**
 * [line number, text] of each line. Bytes are decoded a line at a time: a 130 MB export read as one string took
 * seconds of the build to decode and split.
 */
function* ndjsonLines(ndjson: string | Buffer): Generator<[number, string]> {
  if (typeof ndjson === 'string') {
    yield* ndjson.split('\n').map((text, index): [number, string] => [index + 1, text])
    return
  }
  let line = 1
  for (let start = 0; start <= ndjson.length; line++) {
    const end = ndjson.indexOf(0x0a, start)
    const stop = end === -1 ? ndjson.length : end
    yield [line, ndjson.toString('utf8', start, stop)]
    start = stop + 1
  }
}

async function findDataFile(folder: string): Promise<string> {
  const direct = path.join(folder, DATA_FILE)
  if (existsSync(direct)) return direct
  // An unpacked export has one top folder (`production-export-2026-03-05t…/`) holding the data.
  const entries = await readdir(folder, { withFileTypes: true })
  const nested = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(folder, entry.name, DATA_FILE))
    .filter((candidate) => existsSync(candidate))
  if (nested.length === 1) return nested[0]!
  throw new DatasetReadError(
    nested.length > 1
      ? `dataset folder ${folder} holds several exports: ${nested.join(', ')}`
      : `no ${DATA_FILE} in ${folder} (expected a \`sanity dataset export\` folder or archive)`,
  )
}

/** Unpacks an export archive once per content hash; later reads reuse the unpacked folder. */
async function extractArchive(archive: string, cacheDir = defaultCacheDir()): Promise<string> {
  const hash = await sha1OfFile(archive)
  const target = path.join(cacheDir, hash)
  if (existsSync(target)) return target

  // Unpack beside the target and rename, so a concurrent reader never sees half an archive.
  const staging = `${target}.${process.pid}.${Date.now()}.tmp`
  await mkdir(staging, { recursive: true })
  try {
    await extract({ file: archive, cwd: staging, strict: true })
    await rename(staging, target).catch(async (error: NodeJS.ErrnoException) => {
      // Someone else finished first; theirs is identical.
      if (!existsSync(target)) throw error
      await rm(staging, { recursive: true, force: true })
    })
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    // node-tar names the entry on the error, not in its message ("TAR_ENTRY_ERROR: path contains '..'").
    const entry =
      (error as { path?: unknown; entry?: { path?: unknown } }).path ??
      (error as { entry?: { path?: unknown } }).entry?.path
    const reason = (error as Error).message.replace(/^TAR_[A-Z_]+:\s*/, '')
    throw new DatasetReadError(
      `cannot unpack dataset archive ${archive}: ` +
        (typeof entry === 'string'
          ? `entry ${JSON.stringify(entry)} is refused: ${reason}`
          : (error as Error).message),
      { cause: error },
    )
  }
  return target
}

function defaultCacheDir(): string {
  let dir = process.cwd()
  for (;;) {
    if (existsSync(path.join(dir, 'node_modules')))
      return path.join(dir, 'node_modules', '.cache', 'alumni-dataset')
    const parent = path.dirname(dir)
    if (parent === dir) return path.join(os.tmpdir(), 'alumni-dataset')
    dir = parent
  }
}

function sha1OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha1')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}
