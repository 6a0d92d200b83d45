// A small pool of abstract JPEGs (shapes only, no text), shared by all generated documents the way a real
// dataset reuses campus photos. Files are named as `sanity dataset export` names them: <sha1>-<W>x<H>.jpg.
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Random } from './random.ts'

export interface PoolImage {
  file: string
  width: number
  height: number
}

export interface ImagePool {
  covers: PoolImage[]
  portraits: PoolImage[]
  logo: PoolImage
  qrCode: PoolImage
}

export const COVER_COUNT = 12
export const PORTRAIT_COUNT = 6

// Campus colours: brick, slate, pine, sky, stone, autumn.
const PALETTE = [
  '#9b1b30',
  '#3d5a80',
  '#2a6f4e',
  '#98c1d9',
  '#c9b79c',
  '#e07a5f',
  '#293241',
  '#f2cc8f',
  '#81b29a',
]

function colour(random: Random): string {
  return random.pick(PALETTE)
}

function svg(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`
}

function gradient(random: Random, width: number, height: number): string {
  return (
    `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${colour(random)}"/><stop offset="1" stop-color="${colour(random)}"/>` +
    `</linearGradient></defs><rect width="${width}" height="${height}" fill="url(#g)"/>`
  )
}

/** Sky, hills and a skyline of buildings: reads as a campus at thumbnail size. */
function coverSvg(random: Random, width: number, height: number): string {
  let body = gradient(random, width, height)
  body += `<circle cx="${random.int(100, width - 100)}" cy="${random.int(60, 220)}" r="${random.int(30, 70)}" fill="#fff6d5" opacity="0.8"/>`
  const horizon = random.int(Math.round(height * 0.55), Math.round(height * 0.7))
  body += `<path d="M0 ${horizon} Q ${width / 3} ${horizon - random.int(40, 140)} ${width / 2} ${horizon} T ${width} ${horizon} V ${height} H 0 Z" fill="${colour(random)}" opacity="0.85"/>`
  for (let x = random.int(0, 80); x < width; x += random.int(90, 200)) {
    const w = random.int(60, 150)
    const h = random.int(60, 260)
    body += `<rect x="${x}" y="${horizon - h}" width="${w}" height="${h + height - horizon}" fill="${colour(random)}" opacity="0.9"/>`
    for (let wy = horizon - h + 20; wy < horizon - 20; wy += 36)
      body += `<rect x="${x + 14}" y="${wy}" width="${w - 28}" height="12" fill="#ffffff" opacity="0.25"/>`
  }
  body += `<rect y="${height - random.int(40, 90)}" width="${width}" height="120" fill="${colour(random)}" opacity="0.7"/>`
  return svg(width, height, body)
}

/** A head-and-shoulders silhouette. */
function portraitSvg(random: Random, width: number, height: number): string {
  let body = gradient(random, width, height)
  const figure = colour(random)
  body += `<circle cx="${width / 2}" cy="${height * 0.4}" r="${width * 0.2}" fill="${figure}"/>`
  body += `<ellipse cx="${width / 2}" cy="${height}" rx="${width * 0.42}" ry="${height * 0.32}" fill="${figure}"/>`
  return svg(width, height, body)
}

/** Concentric rings and a star: an emblem, not a real one. */
function logoSvg(random: Random, size: number): string {
  const c = size / 2
  const points: string[] = []
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? size * 0.28 : size * 0.12
    const a = (Math.PI * i) / 5 - Math.PI / 2
    points.push(`${(c + r * Math.cos(a)).toFixed(1)},${(c + r * Math.sin(a)).toFixed(1)}`)
  }
  const ink = colour(random)
  return svg(
    size,
    size,
    `<rect width="${size}" height="${size}" fill="#ffffff"/>` +
      `<circle cx="${c}" cy="${c}" r="${size * 0.46}" fill="none" stroke="${ink}" stroke-width="${size * 0.04}"/>` +
      `<circle cx="${c}" cy="${c}" r="${size * 0.38}" fill="none" stroke="${ink}" stroke-width="${size * 0.015}"/>` +
      `<polygon points="${points.join(' ')}" fill="${ink}"/>`,
  )
}

/** Looks like a QR code (finder squares and random modules); encodes nothing. */
function qrSvg(random: Random, size: number): string {
  const modules = 25
  const unit = size / (modules + 4)
  let body = `<rect width="${size}" height="${size}" fill="#ffffff"/>`
  const finder = (mx: number, my: number) =>
    `<rect x="${(mx + 2) * unit}" y="${(my + 2) * unit}" width="${7 * unit}" height="${7 * unit}" fill="#000"/>` +
    `<rect x="${(mx + 3) * unit}" y="${(my + 3) * unit}" width="${5 * unit}" height="${5 * unit}" fill="#fff"/>` +
    `<rect x="${(mx + 4) * unit}" y="${(my + 4) * unit}" width="${3 * unit}" height="${3 * unit}" fill="#000"/>`
  const inFinder = (x: number, y: number) =>
    (x < 8 && y < 8) || (x > modules - 9 && y < 8) || (x < 8 && y > modules - 9)
  for (let y = 0; y < modules; y++)
    for (let x = 0; x < modules; x++)
      if (!inFinder(x, y) && random.chance(0.5))
        body += `<rect x="${(x + 2) * unit}" y="${(y + 2) * unit}" width="${unit}" height="${unit}" fill="#000"/>`
  body += finder(0, 0) + finder(modules - 7, 0) + finder(0, modules - 7)
  return svg(size, size, body)
}

async function render(source: string, width: number, height: number, directory: string): Promise<PoolImage> {
  const bytes = await sharp(Buffer.from(source))
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 78 })
    .toBuffer()
  const file = `${createHash('sha1').update(bytes).digest('hex')}-${width}x${height}.jpg`
  await writeFile(join(directory, file), bytes)
  return { file, width, height }
}

/** Renders the pool into `directory` (created if missing). Same `random` state → same bytes → same names. */
export async function createImagePool(random: Random, directory: string): Promise<ImagePool> {
  await mkdir(directory, { recursive: true })
  // Draw every SVG first so the random sequence does not depend on rendering order.
  const covers = Array.from({ length: COVER_COUNT }, () => coverSvg(random, 1200, 675))
  const portraits = Array.from({ length: PORTRAIT_COUNT }, () => portraitSvg(random, 480, 640))
  const logo = logoSvg(random, 400)
  const qrCode = qrSvg(random, 290)
  // One at a time: parallel rendering saves a fraction of a second but costs ~100 MB of libvips buffers.
  const rendered: PoolImage[] = []
  for (const source of covers) rendered.push(await render(source, 1200, 675, directory))
  for (const source of portraits) rendered.push(await render(source, 480, 640, directory))
  return {
    covers: rendered.slice(0, COVER_COUNT),
    portraits: rendered.slice(COVER_COUNT),
    logo: await render(logo, 400, 400, directory),
    qrCode: await render(qrCode, 290, 290, directory),
  }
}
