/** Small SVG building blocks for the generated illustrations (abstract shapes only, never text). */

export type Rng = () => number

export const svg = (w: number, h: number, defs: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs}</defs>${body}</svg>`

export function linear(id: string, stops: string[], vertical = true): string {
  const s = stops
    .map(
      (c, i) =>
        `<stop offset="${((i / Math.max(1, stops.length - 1)) * 100).toFixed(1)}%" stop-color="${c}"/>`,
    )
    .join('')
  return vertical
    ? `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">${s}</linearGradient>`
    : `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1">${s}</linearGradient>`
}

export function radial(id: string, stops: string[], cx = 0.5, cy = 0.5, r = 0.5): string {
  const s = stops
    .map(
      (c, i) =>
        `<stop offset="${((i / Math.max(1, stops.length - 1)) * 100).toFixed(1)}%" stop-color="${c}"/>`,
    )
    .join('')
  return `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${s}</radialGradient>`
}

export const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" fill="${fill}" ${extra}/>`

export const circle = (cx: number, cy: number, r: number, fill: string, extra = '') =>
  `<circle cx="${f(cx)}" cy="${f(cy)}" r="${f(r)}" fill="${fill}" ${extra}/>`

export const poly = (pts: Array<[number, number]>, fill: string, extra = '') =>
  `<polygon points="${pts.map(([x, y]) => `${f(x)},${f(y)}`).join(' ')}" fill="${fill}" ${extra}/>`

export const path = (d: string, fill: string, extra = '') => `<path d="${d}" fill="${fill}" ${extra}/>`

export const f = (n: number) => (Math.round(n * 10) / 10).toString()

/** A smooth ridge line across the full width, closed down to the bottom edge. */
export function ridge(rng: Rng, w: number, h: number, baseY: number, amp: number, points = 6): string {
  const step = w / points
  const ys = Array.from({ length: points + 1 }, () => baseY - rng() * amp)
  let d = `M0,${f(h)} L0,${f(ys[0])}`
  for (let i = 0; i < points; i++) {
    const x0 = i * step
    const x1 = (i + 1) * step
    d += ` C${f(x0 + step / 2)},${f(ys[i])} ${f(x1 - step / 2)},${f(ys[i + 1])} ${f(x1)},${f(ys[i + 1])}`
  }
  return `${d} L${f(w)},${f(h)} Z`
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]
export const between = (rng: Rng, a: number, b: number) => a + rng() * (b - a)

/** Mixes two #rrggbb colours; t = 0 gives a, 1 gives b. */
export function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16))
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16))
  return (
    '#' +
    pa
      .map((v, i) =>
        Math.round(v + (pb[i] - v) * t)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  )
}

/** A person seen from the chest up: shoulders, neck, head and a hair shape. No face details. */
export function figure(
  cx: number,
  baseY: number,
  scale: number,
  colors: { coat: string; skin: string; hair: string; shirt?: string },
  hair: 'short' | 'long' | 'bun' | 'crop' | 'grey' = 'short',
): string {
  const s = scale
  const headR = 42 * s
  const headY = baseY - 150 * s
  let out = ''
  // Shoulders and coat.
  out += path(
    `M${f(cx - 120 * s)},${f(baseY)} C${f(cx - 118 * s)},${f(baseY - 70 * s)} ${f(cx - 80 * s)},${f(baseY - 92 * s)} ${f(cx - 38 * s)},${f(baseY - 96 * s)} L${f(cx + 38 * s)},${f(baseY - 96 * s)} C${f(cx + 80 * s)},${f(baseY - 92 * s)} ${f(cx + 118 * s)},${f(baseY - 70 * s)} ${f(cx + 120 * s)},${f(baseY)} Z`,
    colors.coat,
  )
  if (colors.shirt)
    out += poly(
      [
        [cx - 26 * s, baseY - 96 * s],
        [cx + 26 * s, baseY - 96 * s],
        [cx, baseY - 40 * s],
      ],
      colors.shirt,
    )
  if (hair === 'long') {
    out += path(
      `M${f(cx - 48 * s)},${f(headY - 10 * s)} C${f(cx - 62 * s)},${f(headY + 60 * s)} ${f(cx - 60 * s)},${f(headY + 100 * s)} ${f(cx - 52 * s)},${f(headY + 112 * s)} L${f(cx - 18 * s)},${f(headY + 112 * s)} L${f(cx - 18 * s)},${f(headY + 30 * s)} L${f(cx + 18 * s)},${f(headY + 30 * s)} L${f(cx + 18 * s)},${f(headY + 112 * s)} L${f(cx + 52 * s)},${f(headY + 112 * s)} C${f(cx + 60 * s)},${f(headY + 100 * s)} ${f(cx + 62 * s)},${f(headY + 60 * s)} ${f(cx + 48 * s)},${f(headY - 10 * s)} Z`,
      colors.hair,
    )
  }
  out += rect(cx - 16 * s, headY + 26 * s, 32 * s, 34 * s, colors.skin)
  out += circle(cx, headY, headR, colors.skin)
  const hairColor = hair === 'grey' ? '#c9c6c0' : colors.hair
  if (hair === 'bun') out += circle(cx, headY - headR * 1.05, headR * 0.42, hairColor)
  if (hair !== 'crop') {
    out += path(
      `M${f(cx - headR * 1.04)},${f(headY + 4 * s)} C${f(cx - headR * 1.12)},${f(headY - headR * 1.42)} ${f(cx + headR * 1.12)},${f(headY - headR * 1.42)} ${f(cx + headR * 1.04)},${f(headY + 4 * s)} C${f(cx + headR * 0.6)},${f(headY - headR * 0.5)} ${f(cx - headR * 0.4)},${f(headY - headR * 0.55)} ${f(cx - headR * 1.02)},${f(headY + 4 * s)} Z`,
      hairColor,
    )
  } else {
    out += path(
      `M${f(cx - headR * 0.98)},${f(headY - 6 * s)} C${f(cx - headR)},${f(headY - headR * 1.15)} ${f(cx + headR)},${f(headY - headR * 1.15)} ${f(cx + headR * 0.98)},${f(headY - 6 * s)} Z`,
      hairColor,
    )
  }
  return out
}
