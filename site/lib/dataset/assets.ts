import { realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { SanityDocumentLike } from 'sanity'
import { type DatasetProblem, type PathSegment, pathToString } from './problems.ts'
import type { DatasetRecord } from './read.ts'

/** A local asset file referenced by an export, as `toContentLakeDocuments` found it. */
export interface LocalAsset {
  kind: 'image' | 'file'
  /** Content Lake asset document id: `image-<sha1>-<W>x<H>-<ext>` or `file-<sha1>-<ext>`. */
  id: string
  sha1: string
  extension: string
  /** Absolute path of the file. */
  filePath: string
  /** Path relative to the dataset folder, as written in the export: `images/<sha1>-<W>x<H>.jpg`. */
  relativePath: string
  width?: number
  height?: number
}

/** A synthesised `sanity.imageAsset` / `sanity.fileAsset` document, shaped like the Content Lake's. */
export interface LocalAssetDocument extends SanityDocumentLike {
  _id: string
  _type: 'sanity.imageAsset' | 'sanity.fileAsset'
  assetId: string
  sha1hash: string
  extension: string
  mimeType: string
  originalFilename: string
  size: number
  url: string
  /** Absolute path of the file on this machine (not a Content Lake field). */
  path: string
  metadata?: {
    _type: 'sanity.imageMetadata'
    dimensions: { _type: 'sanity.imageDimensions'; width: number; height: number; aspectRatio: number }
  }
}

export interface ContentLakeDocuments {
  /** The dataset's documents with asset references, followed by the asset documents they reference. */
  documents: SanityDocumentLike[]
  assets: LocalAssetDocument[]
  problems: DatasetProblem[]
}

export interface ToContentLakeOptions {
  /** Public URL for an asset (e.g. a path the site serves); defaults to its `file://` URL. */
  assetUrl?: (asset: LocalAsset) => string
  /** Check that each asset file exists (default true). */
  checkFiles?: boolean
}

/** Sanity's own limit on an image side; a file name claiming more is damaged. */
const MAX_IMAGE_SIDE = 20_000

/**
 * Which documents and fields use each local asset file: errors found later (an image sharp cannot decode) name
 * them. Shared through globalThis because Astro renders pages and runs integration hooks in one process.
 */
const usagesKey = Symbol.for('alumni-news.localAssetUsages')
type AssetUsage = { line: number; documentId: string; type: string; path: string }
function usages(): Map<string, AssetUsage[]> {
  const store = globalThis as unknown as Record<symbol, Map<string, AssetUsage[]>>
  store[usagesKey] ??= new Map()
  return store[usagesKey]
}
function recordUsage(filePath: string, usage: AssetUsage) {
  const list = usages().get(filePath)
  if (!list) usages().set(filePath, [usage])
  else if (list.length < 20) list.push(usage)
}
/** The documents and fields that use a local asset file (at most 20). */
export function assetUsages(filePath: string): readonly AssetUsage[] {
  return usages().get(filePath) ?? []
}
/** `line 12, document "article-a" (article): cover` for each use of the file (at most 20). */
export function describeAssetUsages(filePath: string): string[] {
  return assetUsages(filePath).map(
    (usage) =>
      `${usage.line ? `line ${usage.line}, ` : ''}document "${usage.documentId}" (${usage.type}): ${usage.path}`,
  )
}

const EXPORT_ASSET = /^(image|file)@file:\/\/\.\/(.+)$/
const IMAGE_FILE = /^([0-9a-f]{40})-(\d+)x(\d+)\.([a-z0-9]+)$/i
const PLAIN_FILE = /^([0-9a-f]{40})\.([a-z0-9]+)$/i

const MIME_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
}

/**
 * Turns export-format asset values (`"_sanityAsset": "image@file://./images/<sha1>-<W>x<H>.jpg"`) into the
 * Content Lake's shape (`"asset": {"_type": "reference", "_ref": "image-<sha1>-<W>x<H>-jpg"}`) and adds the
 * `sanity.imageAsset` documents they point to, so the same GROQ (`cover.asset->metadata.dimensions`) answers
 * on local data and on the Content Lake. Input records are not modified.
 */
export function toContentLakeDocuments(
  records: readonly DatasetRecord[],
  assetsRoot: string,
  options: ToContentLakeOptions = {},
): ContentLakeDocuments {
  const { assetUrl = (asset: LocalAsset) => pathToFileURL(asset.filePath).href, checkFiles = true } = options
  const problems: DatasetProblem[] = []
  const assets = new Map<string, LocalAssetDocument>()
  const existingIds = new Set(records.map((record) => record.document._id))
  let realRoot: string | undefined

  const documents = records.map(({ line, document }) => {
    const where = { line, documentId: document._id, type: document._type }
    // One shared path stack: copied only when a problem is reported.
    const at: PathSegment[] = []
    const visit = (value: unknown): unknown => {
      if (typeof value !== 'object' || value === null) return value
      if (Array.isArray(value)) {
        return value.map((item, index) => {
          at.push(index)
          const converted = visit(item)
          at.pop()
          return converted
        })
      }
      const object = value as Record<string, unknown>
      const converted: Record<string, unknown> = {}
      for (const key in object) {
        if (key === '_sanityAsset') continue
        at.push(key)
        converted[key] = visit(object[key])
        at.pop()
      }
      if (!('_sanityAsset' in object)) return converted

      const problem = (message: string) =>
        problems.push({ level: 'error', ...where, path: pathToString(at), message })
      const asset = parseExportAsset(object._sanityAsset, assetsRoot)
      if (typeof asset === 'string') {
        problem(asset)
        return converted
      }
      converted.asset = { _type: 'reference', _ref: asset.id }
      recordUsage(asset.filePath, { ...where, path: pathToString(at) })
      if (assets.has(asset.id) || existingIds.has(asset.id)) return converted

      let size = 0
      if (checkFiles) {
        const file = statSync(asset.filePath, { throwIfNoEntry: false })
        if (!file?.isFile()) {
          problem(`${asset.kind} file "${asset.relativePath}" is missing from the dataset`)
          return converted
        }
        // A symlink (or a linked folder) may lead out of the dataset: only files really inside it are published.
        const real = realpathSync(asset.filePath)
        realRoot ??= realpathSync(assetsRoot)
        const inside = path.relative(realRoot, real)
        if (inside.startsWith('..') || path.isAbsolute(inside)) {
          problem(
            `${asset.kind} file "${asset.relativePath}" is a link to a file outside the dataset folder: refused`,
          )
          delete converted.asset
          return converted
        }
        size = file.size
      }
      assets.set(asset.id, assetDocument(asset, size, assetUrl(asset)))
      return converted
    }
    return visit(document) as SanityDocumentLike
  })

  const assetDocuments = [...assets.values()]
  return { documents: [...documents, ...assetDocuments], assets: assetDocuments, problems }
}

/** Parses an export asset URL; returns a message when it cannot be used. */
export function parseExportAsset(value: unknown, assetsRoot: string): LocalAsset | string {
  if (typeof value !== 'string') return '_sanityAsset must be a string like "image@file://./images/<file>"'
  const match = EXPORT_ASSET.exec(value)
  if (!match)
    return `unsupported asset URL "${value}": only local export files (image@file://./images/…) can be read`
  const kind = match[1] as 'image' | 'file'
  const relativePath = match[2]!
  const fileName = path.posix.basename(relativePath)
  const filePath = path.resolve(assetsRoot, relativePath)
  if (path.relative(assetsRoot, filePath).startsWith('..'))
    return `asset path "${relativePath}" leaves the dataset folder`

  if (kind === 'image') {
    const image = IMAGE_FILE.exec(fileName)
    if (!image) return `image file name "${fileName}" must look like <sha1>-<width>x<height>.<ext>`
    const [, sha1, width, height, extension] = image as unknown as [string, string, string, string, string]
    const ext = extension.toLowerCase()
    if (Number(width) === 0 || Number(height) === 0) return `image file name "${fileName}" gives a zero size`
    if (Number(width) > MAX_IMAGE_SIDE || Number(height) > MAX_IMAGE_SIDE)
      return `image file name "${fileName}" gives a size beyond ${MAX_IMAGE_SIDE} pixels a side`
    return {
      kind,
      id: `image-${sha1}-${width}x${height}-${ext}`,
      sha1,
      extension: ext,
      filePath,
      relativePath,
      width: Number(width),
      height: Number(height),
    }
  }
  const file = PLAIN_FILE.exec(fileName)
  if (!file) return `file name "${fileName}" must look like <sha1>.<ext>`
  const [, sha1, extension] = file as unknown as [string, string, string]
  const ext = extension.toLowerCase()
  return { kind, id: `file-${sha1}-${ext}`, sha1, extension: ext, filePath, relativePath }
}

function assetDocument(asset: LocalAsset, size: number, url: string): LocalAssetDocument {
  const base = {
    _id: asset.id,
    assetId: asset.sha1,
    sha1hash: asset.sha1,
    extension: asset.extension,
    mimeType: MIME_TYPES[asset.extension] ?? 'application/octet-stream',
    originalFilename: path.basename(asset.filePath),
    size,
    url,
    path: asset.filePath,
  }
  if (asset.kind === 'file' || !asset.width || !asset.height) return { ...base, _type: 'sanity.fileAsset' }
  return {
    ...base,
    _type: 'sanity.imageAsset',
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: {
        _type: 'sanity.imageDimensions',
        width: asset.width,
        height: asset.height,
        aspectRatio: asset.width / asset.height,
      },
    },
  }
}
