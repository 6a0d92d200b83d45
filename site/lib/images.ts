import { createImageUrlBuilder } from '@sanity/image-url'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'

/** An image as every query projects it (see `imageFields` in queries.ts). */
export interface ImageValue {
  alt?: string | null
  caption?: string | null
  hotspot?: { x?: number; y?: number; height?: number; width?: number } | null
  crop?: { top?: number; bottom?: number; left?: number; right?: number } | null
  asset?: { _id: string; url?: string | null; width?: number | null; height?: number | null } | null
}

export interface ResponsiveImage {
  src: string
  srcset: string
  width: number
  height: number
  alt: string
}

export interface ImageRequest {
  /** Candidate widths for srcset, in CSS pixels × density. */
  widths: number[]
  /** Crop to this aspect ratio (width / height); keeps the original ratio when absent. */
  aspectRatio?: number
  format?: 'webp' | 'jpg'
}

/**
 * Local-source images are resized by sharp after the build (see localImages integration); this map, shared
 * through globalThis because Astro renders pages and runs integration hooks in one process, lists the variants
 * the pages asked for.
 */
export interface LocalImageVariant {
  sourcePath: string
  width: number
  height: number
  format: 'webp' | 'jpg'
}
const localVariantsKey = Symbol.for('alumni-news.localImageVariants')
export function requestedLocalImageVariants(): Map<string, LocalImageVariant> {
  const store = globalThis as unknown as Record<symbol, Map<string, LocalImageVariant>>
  store[localVariantsKey] ??= new Map()
  return store[localVariantsKey]
}

export const LOCAL_IMAGE_DIR = '_img'

let sanityBuilder: ReturnType<typeof createImageUrlBuilder> | undefined
function sanityImageBuilder() {
  sanityBuilder ??= createImageUrlBuilder({
    projectId: process.env.SANITY_PROJECT_ID ?? '',
    dataset: process.env.SANITY_DATASET || 'production',
  })
  return sanityBuilder
}

function isLocalAsset(url: string | null | undefined): url is string {
  return typeof url === 'string' && url.startsWith('file://')
}

/** The one image helper for both content sources: real dimensions, a srcset, and alt text. */
export function responsiveImage(image: ImageValue | null | undefined, request: ImageRequest): ResponsiveImage | undefined {
  const asset = image?.asset
  if (!asset?.width || !asset.height) return undefined
  const format = request.format ?? 'webp'
  const ratio = request.aspectRatio ?? asset.width / asset.height
  const widths = [...new Set(request.widths.map((width) => Math.min(width, asset.width!)))].sort((a, b) => a - b)
  const variants = widths.map((width) => ({ width, height: Math.round(width / ratio) }))
  const urlFor = isLocalAsset(asset.url)
    ? (width: number, height: number) => localVariantUrl(asset.url as string, width, height, format)
    : (width: number, height: number) => {
        let builder = sanityImageBuilder().image(image!).width(width).height(height).fit('crop')
        builder = format === 'jpg' ? builder.format('jpg').quality(80) : builder.auto('format').quality(75)
        return builder.url()
      }
  const largest = variants[variants.length - 1]!
  return {
    src: urlFor(largest.width, largest.height),
    srcset: variants.map(({ width, height }) => `${urlFor(width, height)} ${width}w`).join(', '),
    width: largest.width,
    height: largest.height,
    alt: image?.alt ?? '',
  }
}

// A few dozen source images are asked for hundreds of thousands of times in a 20k-page build: hash each path once.
const localSources = new Map<string, { sourcePath: string; id: string }>()

function localVariantUrl(fileUrl: string, width: number, height: number, format: 'webp' | 'jpg'): string {
  let source = localSources.get(fileUrl)
  if (!source) {
    const sourcePath = fileURLToPath(fileUrl)
    source = { sourcePath, id: createHash('sha1').update(sourcePath).digest('hex').slice(0, 12) }
    localSources.set(fileUrl, source)
  }
  const { sourcePath, id } = source
  const name = `/${LOCAL_IMAGE_DIR}/${id}-${width}x${height}.${format}`
  requestedLocalImageVariants().set(name, { sourcePath, width, height, format })
  return name
}
