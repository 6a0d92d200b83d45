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
 * Every image variant a page shows is written by the site itself (see the localImages integration), whatever the
 * content source: from the dataset's file, or from the Content Lake's original, downloaded once per asset. Readers
 * never wait on a foreign host. This map, shared through globalThis because Astro renders pages and runs
 * integration hooks in one process, lists the variants the pages asked for.
 */
export interface ImageVariant {
  source: ImageSource
  width: number
  height: number
  format: 'webp' | 'jpg'
  /** The part of the original to scale down (from the editor's crop and hotspot); absent: sharp picks it. */
  region?: Region
}

/** Where an image's original is: a file of the local dataset, or an asset of the Content Lake to download. */
export type ImageSource = { kind: 'file'; path: string } | { kind: 'remote'; assetId: string; url: string }

export interface Region {
  left: number
  top: number
  width: number
  height: number
}

const variantsKey = Symbol.for('alumni-news.imageVariants')
export function requestedImageVariants(): Map<string, ImageVariant> {
  const store = globalThis as unknown as Record<symbol, Map<string, ImageVariant>>
  store[variantsKey] ??= new Map()
  return store[variantsKey]
}

export const LOCAL_IMAGE_DIR = '_img'

/** The one image helper for both content sources: real dimensions, a srcset, and alt text. */
export function responsiveImage(
  image: ImageValue | null | undefined,
  request: ImageRequest,
): ResponsiveImage | undefined {
  const asset = image?.asset
  if (!asset?.width || !asset.height) return undefined
  const source = sourceOf(asset)
  if (!source) return undefined
  const format = request.format ?? 'webp'
  const area = cropArea(asset.width, asset.height, image?.crop)
  const ratio = request.aspectRatio ?? area.width / area.height
  const widths = [...new Set(request.widths.map((width) => Math.min(width, area.width)))].sort(
    (a, b) => a - b,
  )
  const variants = widths.map((width) => ({ width, height: Math.round(width / ratio) }))
  const urlFor = (width: number, height: number) =>
    variantUrl(source, image!, asset as SizedAsset, width, height, format)
  const largest = variants[variants.length - 1]!
  return {
    src: urlFor(largest.width, largest.height),
    srcset: variants.map(({ width, height }) => `${urlFor(width, height)} ${width}w`).join(', '),
    width: largest.width,
    height: largest.height,
    alt: image?.alt ?? '',
  }
}

type SizedAsset = NonNullable<ImageValue['asset']> & { width: number; height: number }

// A few dozen sources are asked for hundreds of thousands of times in a 20k-page build: resolve each asset once.
const sources = new Map<string, { source: ImageSource; id: string } | null>()

function sourceOf(asset: NonNullable<ImageValue['asset']>): { source: ImageSource; id: string } | undefined {
  const url = asset.url
  if (typeof url !== 'string') return undefined
  let known = sources.get(url)
  if (known === undefined) {
    let source: ImageSource | undefined
    if (url.startsWith('file://')) source = { kind: 'file', path: fileURLToPath(url) }
    else if (/^https?:\/\//.test(url)) source = { kind: 'remote', assetId: asset._id, url: originalUrl(url) }
    known = source
      ? {
          source,
          id: createHash('sha1')
            .update(asset._id || url)
            .digest('hex')
            .slice(0, 12),
        }
      : null
    sources.set(url, known)
  }
  return known ?? undefined
}

/**
 * Where the build downloads a Content Lake original: its asset `url`, or the same path on a mirror
 * (SANITY_ASSET_MIRROR, e.g. a campus or domestic copy of cdn.sanity.io).
 */
export function originalUrl(assetUrl: string, mirror = process.env.SANITY_ASSET_MIRROR): string {
  if (!mirror) return assetUrl
  const original = new URL(assetUrl)
  return `${mirror.replace(/\/+$/, '')}${original.pathname}`
}

function variantUrl(
  { source, id }: { source: ImageSource; id: string },
  image: ImageValue,
  asset: SizedAsset,
  width: number,
  height: number,
  format: 'webp' | 'jpg',
): string {
  const region =
    image.crop || image.hotspot ? focusRegion(asset.width, asset.height, image, width / height) : undefined
  // A crop of its own gets a name of its own: the same asset may be cropped differently where it is used again.
  const regionId = region
    ? `-${createHash('sha1').update(`${region.left},${region.top},${region.width},${region.height}`).digest('hex').slice(0, 6)}`
    : ''
  const name = `/${LOCAL_IMAGE_DIR}/${id}${regionId}-${width}x${height}.${format}`
  requestedImageVariants().set(name, { source, width, height, format, region })
  return name
}

/** The part of the original the editor's crop keeps (fractions cut from each side, as the Studio stores them). */
function cropArea(width: number, height: number, crop: ImageValue['crop']): Region {
  const fraction = (value: number | undefined) => Math.min(Math.max(value ?? 0, 0), 1)
  const left = Math.round(fraction(crop?.left) * width)
  const top = Math.round(fraction(crop?.top) * height)
  const right = Math.round(fraction(crop?.right) * width)
  const bottom = Math.round(fraction(crop?.bottom) * height)
  return { left, top, width: Math.max(1, width - left - right), height: Math.max(1, height - top - bottom) }
}

/**
 * The largest region of the requested aspect ratio inside the editor's crop, centred on the hotspot as far as the
 * crop allows: what Sanity's image CDN serves for `fit=crop`, so both sources show the same part of a picture.
 */
export function focusRegion(
  width: number,
  height: number,
  image: Pick<ImageValue, 'crop' | 'hotspot'>,
  ratio: number,
): Region {
  const area = cropArea(width, height, image.crop)
  const centreX = (image.hotspot?.x ?? (area.left + area.width / 2) / width) * width
  const centreY = (image.hotspot?.y ?? (area.top + area.height / 2) / height) * height
  const wide = area.width / area.height > ratio
  const regionWidth = wide ? Math.max(1, Math.round(area.height * ratio)) : area.width
  const regionHeight = wide ? area.height : Math.max(1, Math.round(area.width / ratio))
  const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max)
  return {
    left: clamp(Math.round(centreX - regionWidth / 2), area.left, area.left + area.width - regionWidth),
    top: clamp(Math.round(centreY - regionHeight / 2), area.top, area.top + area.height - regionHeight),
    width: regionWidth,
    height: regionHeight,
  }
}
