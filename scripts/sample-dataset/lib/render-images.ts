import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import type { ImageSpec } from '../content/images.ts'
import { sha1 } from './keys.ts'

export interface RenderedImage {
  key: string
  alt: string
  file: string
  width: number
  height: number
  bytes: number
}

/**
 * Renders every image spec to bytes and writes it as `<sha1>-<W>x<H>.<ext>` — the name `sanity dataset export` gives
 * asset files. Output is deterministic: same SVG and same libvips → same bytes → same name.
 * Files in `dir` that are no longer produced are removed.
 */
export async function renderImages(specs: ImageSpec[], dir: string): Promise<Map<string, RenderedImage>> {
  await mkdir(dir, { recursive: true })
  const rendered = new Map<string, RenderedImage>()
  for (const spec of specs) {
    if (rendered.has(spec.key)) throw new Error(`image "${spec.key}" is defined twice in content/images.ts`)
    const pipeline = sharp(Buffer.from(spec.svg()), { density: 72 })
    const buffer =
      spec.format === 'png'
        ? await pipeline.png({ compressionLevel: 9, palette: true }).toBuffer()
        : await pipeline
            .flatten({ background: '#ffffff' })
            .jpeg({ quality: 72, progressive: true, mozjpeg: true })
            .toBuffer()
    const { width, height } = await sharp(buffer).metadata()
    const file = `${sha1(buffer)}-${width}x${height}.${spec.format}`
    await writeFile(join(dir, file), buffer)
    rendered.set(spec.key, {
      key: spec.key,
      alt: spec.alt,
      file,
      width: width!,
      height: height!,
      bytes: buffer.length,
    })
  }
  const keep = new Set([...rendered.values()].map((r) => r.file))
  for (const name of await readdir(dir)) if (!keep.has(name)) await rm(join(dir, name))
  return rendered
}
