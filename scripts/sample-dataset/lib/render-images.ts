import sharp from 'sharp'
import type { ImageSpec } from '../content/images.ts'
import { sha1 } from './keys.ts'

export interface RenderedImage {
  key: string
  alt: string
  /** `<sha1>-<W>x<H>.<ext>`: the name `sanity dataset export` gives asset files. */
  file: string
  width: number
  height: number
  bytes: number
  content: Buffer
}

/**
 * Renders every image spec to bytes, in memory. Output is deterministic: same SVG and same libvips → same bytes →
 * same name.
 */
export async function renderImages(specs: ImageSpec[]): Promise<Map<string, RenderedImage>> {
  const rendered = new Map<string, RenderedImage>()
  for (const spec of specs) {
    if (rendered.has(spec.key)) throw new Error(`image "${spec.key}" is defined twice in content/images.ts`)
    const pipeline = sharp(Buffer.from(spec.svg()), { density: 72 })
    const content =
      spec.format === 'png'
        ? await pipeline.png({ compressionLevel: 9, palette: true }).toBuffer()
        : await pipeline
            .flatten({ background: '#ffffff' })
            .jpeg({ quality: 72, progressive: true, mozjpeg: true })
            .toBuffer()
    const { width, height } = await sharp(content).metadata()
    rendered.set(spec.key, {
      key: spec.key,
      alt: spec.alt,
      file: `${sha1(content)}-${width}x${height}.${spec.format}`,
      width,
      height,
      bytes: content.length,
      content,
    })
  }
  return rendered
}
