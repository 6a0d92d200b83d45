import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'

/** Writes a small dataset in `sanity dataset export` format: data.ndjson plus images/. */
export async function writeExportDataset(
  dir: string,
  documents: object[],
  images: Map<string, Buffer> = new Map(),
) {
  await mkdir(path.join(dir, 'images'), { recursive: true })
  for (const [name, bytes] of images) await writeFile(path.join(dir, 'images', name), bytes)
  await writeFile(
    path.join(dir, 'data.ndjson'),
    documents.map((document) => JSON.stringify(document)).join('\n') + '\n',
  )
}

/** A real JPEG named the way `sanity dataset export` names it, and the image value that references it. */
export async function exportImage(width: number, height: number, colour: string, alt: string) {
  const bytes = await sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg({ quality: 60 })
    .toBuffer()
  const sha1 = createHash('sha1').update(bytes).digest('hex')
  const name = `${sha1}-${width}x${height}.jpg`
  return { name, bytes, value: { _type: 'imageWithAlt', _sanityAsset: `image@file://./images/${name}`, alt } }
}

let keyCounter = 0
const key = () => `k${(keyCounter++).toString(36).padStart(6, '0')}`

export function block(text: string, options: { style?: string; href?: string } = {}) {
  const markDefs = options.href ? [{ _type: 'link', _key: 'lnk', href: options.href }] : []
  return {
    _type: 'block',
    _key: key(),
    style: options.style ?? 'normal',
    markDefs,
    children: [{ _type: 'span', _key: key(), text, marks: options.href ? ['lnk'] : [] }],
  }
}

export const slug = (current: string) => ({ _type: 'slug', current })
export const ref = (id: string, withKey = false) =>
  withKey ? { _type: 'reference', _ref: id, _key: key() } : { _type: 'reference', _ref: id }
