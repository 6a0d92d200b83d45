import type { AstroIntegration } from 'astro'
import { mkdir, copyFile, stat } from 'node:fs/promises'
import { cpus } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { describeAssetUsages } from '../lib/dataset/assets.ts'
import { requestedLocalImageVariants, type LocalImageVariant } from '../lib/images.ts'

const CACHE_DIR = path.resolve('node_modules/.cache/alumni-images')

/**
 * Writes the image variants pages asked for (local content source only; the Sanity source uses its image CDN).
 * Variants are cached by name (source hash + size + format) across builds, so a rebuild only resizes new images.
 */
export function localImages(): AstroIntegration {
  return {
    name: 'alumni-news:local-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const variants = [...requestedLocalImageVariants()]
        if (variants.length === 0) return
        const outDir = fileURLToPath(dir)
        await mkdir(CACHE_DIR, { recursive: true })
        const queue = [...variants]
        let generated = 0
        const worker = async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            const [name, variant] = next
            const cached = path.join(CACHE_DIR, path.basename(name))
            if (!(await exists(cached))) {
              await resize(variant, cached)
              generated++
            }
            const target = path.join(outDir, name)
            await mkdir(path.dirname(target), { recursive: true })
            await copyFile(cached, target)
          }
        }
        await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, worker))
        logger.info(`${variants.length} image variants (${generated} newly resized)`)
      },
    },
  }
}

async function resize(variant: LocalImageVariant, target: string): Promise<void> {
  try {
    const pipeline = sharp(variant.sourcePath).resize(variant.width, variant.height, { fit: 'cover', position: 'attention' })
    await (variant.format === 'jpg' ? pipeline.jpeg({ quality: 78, progressive: true, mozjpeg: true }) : pipeline.webp({ quality: 72 })).toFile(
      target,
    )
  } catch (error) {
    const usedBy = describeAssetUsages(variant.sourcePath)
    throw new Error(
      `image ${variant.sourcePath} could not be resized to ${variant.width}×${variant.height}: ${(error as Error).message}` +
        (usedBy.length > 0 ? `\nused by ${usedBy.join('; ')}` : ''),
    )
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  )
}
