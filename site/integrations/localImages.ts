import type { AstroIntegration } from 'astro'
import { copyFile, mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { describeAssetUsages } from '../lib/dataset/assets.ts'
import { requestedImageVariants, type ImageSource, type ImageVariant } from '../lib/images.ts'

/** Resized variants and downloaded originals, kept across builds (IMAGE_CACHE_DIR to put them elsewhere). */
const cacheDir = () => path.resolve(process.env.IMAGE_CACHE_DIR || 'node_modules/.cache/alumni-images')
const DOWNLOAD_ATTEMPTS = 3
const DOWNLOAD_TIMEOUT_MS = Number(process.env.IMAGE_DOWNLOAD_TIMEOUT_MS) || 60_000

/**
 * Writes the image variants pages asked for into the site, for both content sources: the local dataset's files,
 * or the Content Lake's originals, downloaded once per asset (from its `url`, or SANITY_ASSET_MIRROR) and cached by
 * asset id. Variants are cached by name (asset + crop + size + format), so a rebuild only resizes new images.
 */
export function localImages(): AstroIntegration {
  return {
    name: 'alumni-news:local-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const variants = [...requestedImageVariants()]
        if (variants.length === 0) return
        const outDir = fileURLToPath(dir)
        const cache = cacheDir()
        await mkdir(path.join(cache, 'originals'), { recursive: true })
        const originals = new Map<string, Promise<string>>()
        let downloaded = 0
        const originalOf = (source: ImageSource): Promise<string> => {
          if (source.kind === 'file') return Promise.resolve(source.path)
          let original = originals.get(source.assetId)
          if (!original) {
            original = download(source, cache).then((result) => {
              if (result.fresh) downloaded++
              return result.file
            })
            originals.set(source.assetId, original)
          }
          return original
        }
        const queue = [...variants]
        let generated = 0
        const worker = async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            const [name, variant] = next
            const cached = path.join(cache, path.basename(name))
            if (!(await exists(cached))) {
              await resize(await originalOf(variant.source), variant, cached)
              generated++
            }
            const target = path.join(outDir, name)
            await mkdir(path.dirname(target), { recursive: true })
            await copyFile(cached, target)
          }
        }
        await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, worker))
        logger.info(
          `${variants.length} image variants (${generated} newly resized` +
            `${originals.size > 0 ? `; ${originals.size} Content Lake originals, ${downloaded} downloaded` : ''})`,
        )
      },
    },
  }
}

/** The original of a Content Lake image, from the cache or downloaded into it (never half-written). */
async function download(
  source: Extract<ImageSource, { kind: 'remote' }>,
  cache: string,
): Promise<{ file: string; fresh: boolean }> {
  const file = path.join(cache, 'originals', source.assetId.replace(/[^\w.-]/g, '_'))
  if (await exists(file)) return { file, fresh: false }
  let problem = ''
  for (let attempt = 1; attempt <= DOWNLOAD_ATTEMPTS; attempt++) {
    try {
      // No token: Content Lake assets are served without one, and a mirror must never receive it.
      const response = await fetch(source.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) })
      if (response.ok) {
        const partial = `${file}.${process.pid}.part`
        await writeFile(partial, new Uint8Array(await response.arrayBuffer()))
        await rename(partial, file)
        return { file, fresh: true }
      }
      problem = `HTTP ${response.status}`
      if (response.status < 500 && response.status !== 429) break
    } catch (error) {
      problem = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 250 * attempt))
  }
  throw new Error(`image asset "${source.assetId}" could not be downloaded from ${source.url}: ${problem}`)
}

async function resize(original: string, variant: ImageVariant, target: string): Promise<void> {
  try {
    const image = sharp(original)
    const pipeline = (variant.region ? image.extract(variant.region) : image).resize(
      variant.width,
      variant.height,
      {
        fit: 'cover',
        position: 'attention',
      },
    )
    const partial = `${target}.${process.pid}.part`
    await (
      variant.format === 'jpg'
        ? pipeline.jpeg({ quality: 78, progressive: true, mozjpeg: true })
        : pipeline.webp({ quality: 72 })
    ).toFile(partial)
    await rename(partial, target)
  } catch (error) {
    const usedBy = describeAssetUsages(original)
    throw new Error(
      `image ${original} could not be resized to ${variant.width}×${variant.height}: ${(error as Error).message}` +
        (usedBy.length > 0
          ? `
used by ${usedBy.join('; ')}`
          : ''),
    )
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}
