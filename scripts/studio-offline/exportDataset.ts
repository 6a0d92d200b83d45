import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Document } from './contentLakeStandIn.ts'

const ASSET_ID = /^(image|file)-([0-9a-f]{40})(?:-(\d+x\d+))?-([a-z0-9]+)$/i

/**
 * Writes documents as `sanity dataset export` does: `data.ndjson` (drafts included, asset documents left out)
 * and the asset files under `images/` and `files/`, with every asset reference turned back into the export's
 * `_sanityAsset: "image@file://./images/<sha1>-<W>x<H>.<ext>"`. The folder is replaced whole, so a build never
 * reads a half-written export.
 */
export async function exportDataset(
  documents: readonly Document[],
  assetFile: (assetId: string) => string | undefined,
  outDir: string,
): Promise<{ documents: number; assets: number }> {
  const staging = `${outDir}.writing-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  await mkdir(path.join(staging, 'images'), { recursive: true })
  await mkdir(path.join(staging, 'files'), { recursive: true })

  const referenced = new Map<string, string>()
  const toExport = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(toExport)
    if (typeof value !== 'object' || value === null) return value
    const object = value as Record<string, unknown>
    const converted: Record<string, unknown> = {}
    for (const key in object) converted[key] = toExport(object[key])
    const ref = (object.asset as { _ref?: unknown } | undefined)?._ref
    const match = typeof ref === 'string' ? ASSET_ID.exec(ref) : null
    if (match) {
      const [, kind, sha1, size, extension] = match
      const relative = `${kind === 'image' ? 'images' : 'files'}/${sha1}${size ? `-${size}` : ''}.${extension}`
      referenced.set(ref as string, relative)
      delete converted.asset
      converted._sanityAsset = `${kind}@file://./${relative}`
    }
    return converted
  }

  const lines = documents
    .filter((document) => document._type !== 'sanity.imageAsset' && document._type !== 'sanity.fileAsset')
    .filter((document) => !document._type.startsWith('system.'))
    .sort((a, b) => a._id.localeCompare(b._id))
    .map((document) => JSON.stringify(toExport(document)))
  await writeFile(path.join(staging, 'data.ndjson'), `${lines.join('\n')}\n`)

  for (const [assetId, relative] of referenced) {
    const source = assetFile(assetId)
    if (source) await copyFile(source, path.join(staging, relative))
  }
  await rm(outDir, { recursive: true, force: true })
  await mkdir(path.dirname(outDir), { recursive: true })
  await rename(staging, outDir)
  return { documents: lines.length, assets: referenced.size }
}
