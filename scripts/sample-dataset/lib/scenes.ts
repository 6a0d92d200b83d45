/**
 * Scene painters for the generated images. Each returns a complete SVG document.
 * Everything is abstract (shapes and gradients, no text) and driven by a seeded RNG.
 */
import { seededRandom } from './keys.ts'
import {
  between,
  circle,
  f,
  figure,
  linear,
  mix,
  path,
  pick,
  poly,
  rect,
  ridge,
  svg,
  type Rng,
} from './svg.ts'

const W = 1600
const H = 900

function stars(rng: Rng, w: number, h: number, n: number, color = '#ffffff'): string {
  let out = ''
  for (let i = 0; i < n; i++)
    out += circle(
      rng() * w,
      rng() * h,
      between(rng, 0.8, 2.2),
      color,
      `opacity="${f(between(rng, 0.3, 0.9))}"`,
    )
  return out
}

function windows(
  rng: Rng,
  x: number,
  y: number,
  w: number,
  h: number,
  lit: string,
  dark: string,
  cell = 22,
): string {
  let out = ''
  for (let yy = y + 14; yy < y + h - 18; yy += cell) {
    for (let xx = x + 10; xx < x + w - 14; xx += cell * 0.8) {
      out += rect(xx, yy, cell * 0.45, cell * 0.5, rng() < 0.45 ? lit : dark)
    }
  }
  return out
}

function tree(cx: number, baseY: number, size: number, crown: string, trunk: string, rng: Rng): string {
  let out = rect(cx - size * 0.06, baseY - size * 0.9, size * 0.12, size * 0.9, trunk)
  for (let i = 0; i < 5; i++) {
    out += circle(
      cx + between(rng, -0.35, 0.35) * size,
      baseY - size * between(rng, 0.85, 1.35),
      size * between(rng, 0.28, 0.42),
      crown,
      `opacity="${f(between(rng, 0.75, 1))}"`,
    )
  }
  return out
}

/** 晨光中的湖面与远山. */
export function lakeAndHills(
  seed: string,
  p: { sky: string[]; sun: string; hills: string[]; water: string[] },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  const horizon = h * 0.6
  let body = rect(0, 0, w, h, 'url(#sky)')
  body += circle(w * between(rng, 0.25, 0.75), horizon - h * 0.16, h * 0.09, p.sun, 'opacity="0.9"')
  p.hills.forEach((c, i) => {
    body += path(
      ridge(rng, w, horizon + 2, horizon - h * 0.06 + i * h * 0.05, h * (0.22 - i * 0.05), 5 + i),
      c,
    )
  })
  body += rect(0, horizon, w, h - horizon, 'url(#water)')
  for (let i = 0; i < 26; i++) {
    const y = horizon + between(rng, 8, h - horizon - 10)
    const x = between(rng, 0, w * 0.9)
    body += rect(x, y, between(rng, 60, 260), 2.2, '#ffffff', `opacity="${f(between(rng, 0.12, 0.35))}"`)
  }
  // A small pavilion on the far shore.
  const px = w * between(rng, 0.1, 0.3)
  body += poly(
    [
      [px - 40, horizon - 36],
      [px + 40, horizon - 36],
      [px, horizon - 64],
    ],
    p.hills[p.hills.length - 1],
  )
  body +=
    rect(px - 30, horizon - 36, 6, 36, p.hills[p.hills.length - 1]) +
    rect(px + 24, horizon - 36, 6, 36, p.hills[p.hills.length - 1])
  return svg(w, h, linear('sky', p.sky) + linear('water', p.water), body)
}

/** 校园天际线与钟楼. */
export function campusSkyline(
  seed: string,
  p: { sky: string[]; far: string; near: string; accent: string; lit: string },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  const ground = h * 0.78
  let body = rect(0, 0, w, h, 'url(#sky)')
  body += circle(w * 0.8, h * 0.2, 70, '#ffffff', 'opacity="0.25"')
  let x = -20
  while (x < w) {
    const bw = between(rng, 90, 200)
    const bh = between(rng, 120, 260)
    body += rect(x, ground - bh, bw, bh, p.far)
    x += bw + between(rng, 4, 20)
  }
  // Clock tower.
  const tx = w * between(rng, 0.42, 0.58)
  body += rect(tx - 45, ground - 470, 90, 470, p.near)
  body += poly(
    [
      [tx - 60, ground - 470],
      [tx + 60, ground - 470],
      [tx, ground - 580],
    ],
    p.accent,
  )
  body +=
    circle(tx, ground - 400, 30, p.lit) +
    rect(tx - 2, ground - 424, 4, 26, p.near) +
    rect(tx - 2, ground - 402, 20, 4, p.near)
  x = -10
  while (x < w) {
    const bw = between(rng, 160, 300)
    const bh = between(rng, 90, 190)
    if (Math.abs(x + bw / 2 - tx) > bw / 2 + 60) {
      body +=
        rect(x, ground - bh, bw, bh, p.near) +
        windows(rng, x, ground - bh, bw, bh, p.lit, mix(p.near, '#000000', 0.2))
      body += poly(
        [
          [x - 8, ground - bh],
          [x + bw + 8, ground - bh],
          [x + bw / 2, ground - bh - 40],
        ],
        p.accent,
      )
    }
    x += bw + between(rng, 30, 80)
  }
  body += rect(0, ground, w, h - ground, mix(p.near, '#000000', 0.35))
  for (let i = 0; i < 14; i++)
    body += tree(
      between(rng, 0, w),
      ground + 6,
      between(rng, 40, 70),
      mix(p.accent, '#2f6b3a', 0.6),
      mix(p.near, '#000000', 0.5),
      rng,
    )
  return svg(w, h, linear('sky', p.sky), body)
}

/** 红砖老楼立面：拱窗、坡屋顶与两侧树木. */
export function brickFacade(
  seed: string,
  p: { sky: string[]; brick: string; trim: string; roof: string; leaf: string },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  const top = h * 0.3
  const bottom = h * 0.86
  const left = w * 0.12
  const right = w * 0.88
  body += poly(
    [
      [left - 30, top],
      [right + 30, top],
      [w / 2, top - 150],
    ],
    p.roof,
  )
  body += rect(left, top, right - left, bottom - top, p.brick)
  for (let y = top + 12; y < bottom; y += 16)
    body += rect(left, y, right - left, 1.5, mix(p.brick, '#000000', 0.15), 'opacity="0.5"')
  const cols = 9
  const colW = (right - left) / cols
  for (let r = 0; r < 2; r++) {
    for (let c = 0; c < cols; c++) {
      const cx = left + colW * (c + 0.5)
      const wy = top + 70 + r * 200
      if (r === 1 && c === 4) {
        body += path(
          `M${f(cx - 50)},${f(bottom)} L${f(cx - 50)},${f(wy + 20)} A50,50 0 0 1 ${f(cx + 50)},${f(wy + 20)} L${f(cx + 50)},${f(bottom)} Z`,
          mix(p.trim, '#000000', 0.55),
        )
        continue
      }
      body += path(
        `M${f(cx - 28)},${f(wy + 130)} L${f(cx - 28)},${f(wy + 28)} A28,28 0 0 1 ${f(cx + 28)},${f(wy + 28)} L${f(cx + 28)},${f(wy + 130)} Z`,
        p.trim,
      )
      body += path(
        `M${f(cx - 21)},${f(wy + 124)} L${f(cx - 21)},${f(wy + 28)} A21,21 0 0 1 ${f(cx + 21)},${f(wy + 28)} L${f(cx + 21)},${f(wy + 124)} Z`,
        mix(p.sky[0], '#1b2a38', 0.6),
      )
    }
  }
  body += rect(left - 10, top - 8, right - left + 20, 16, p.trim)
  body += rect(0, bottom, w, h - bottom, mix(p.leaf, '#5b4a3a', 0.5))
  for (let i = 0; i < 6; i++)
    body += tree(
      i < 3 ? between(rng, 20, left) : between(rng, right, w - 20),
      bottom + 4,
      between(rng, 110, 170),
      p.leaf,
      '#4a3b2f',
      rng,
    )
  return svg(w, h, linear('sky', p.sky), body)
}

/** 银杏大道：透视道路与两排金色树冠. */
export function avenue(
  seed: string,
  p: { sky: string[]; leaf: string[]; road: string; ground: string },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  const vanishY = h * 0.42
  let body = rect(0, 0, w, h, 'url(#sky)')
  body += rect(0, vanishY, w, h - vanishY, p.ground)
  body += poly(
    [
      [w / 2 - 16, vanishY],
      [w / 2 + 16, vanishY],
      [w * 0.78, h],
      [w * 0.22, h],
    ],
    p.road,
  )
  for (let i = 0; i < 180; i++) {
    body += circle(
      between(rng, w * 0.2, w * 0.8),
      between(rng, vanishY + 40, h),
      between(rng, 3, 8),
      pick(rng, p.leaf),
      `opacity="${f(between(rng, 0.5, 0.95))}"`,
    )
  }
  for (let side = -1; side <= 1; side += 2) {
    for (let i = 7; i >= 0; i--) {
      const t = i / 7
      const x = w / 2 + side * (40 + (1 - t) * w * 0.42)
      const base = vanishY + (1 - t) * (h - vanishY) * 0.9 + 20
      const size = 40 + (1 - t) * 300
      body += rect(x - size * 0.05, base - size * 0.9, size * 0.1, size * 0.9, '#5a4330')
      for (let k = 0; k < 7; k++)
        body += circle(
          x + between(rng, -0.45, 0.45) * size,
          base - size * between(rng, 0.9, 1.5),
          size * between(rng, 0.25, 0.4),
          pick(rng, p.leaf),
          'opacity="0.92"',
        )
    }
  }
  return svg(w, h, linear('sky', p.sky), body)
}

/** 现代几何建筑（玻璃幕墙）与倒影水池. */
export function glassBuilding(
  seed: string,
  p: { sky: string[]; glass: string[]; frame: string; pool: string },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  const ground = h * 0.7
  let body = rect(0, 0, w, h, 'url(#sky)')
  const blocks: Array<[number, number, number, number]> = [
    [w * 0.14, ground - 300, w * 0.3, 300],
    [w * 0.38, ground - 420, w * 0.26, 420],
    [w * 0.6, ground - 240, w * 0.26, 240],
  ]
  for (const [x, y, bw, bh] of blocks) {
    body += rect(x, y, bw, bh, 'url(#glass)')
    for (let xx = x; xx <= x + bw; xx += bw / 8) body += rect(xx, y, 3, bh, p.frame)
    for (let yy = y; yy <= y + bh; yy += 46) body += rect(x, yy, bw, 3, p.frame)
    body += poly(
      [
        [x, y],
        [x + bw * between(rng, 0.3, 0.6), y],
        [x, y + bh * 0.5],
      ],
      '#ffffff',
      'opacity="0.12"',
    )
  }
  body += poly(
    [
      [w * 0.36, ground - 420],
      [w * 0.66, ground - 420],
      [w * 0.62, ground - 452],
      [w * 0.4, ground - 452],
    ],
    p.frame,
  )
  body += rect(0, ground, w, h - ground, 'url(#pool)')
  for (const [x, , bw, bh] of blocks) body += rect(x, ground + 6, bw, bh * 0.45, p.glass[1], 'opacity="0.25"')
  for (let i = 0; i < 18; i++)
    body += rect(
      between(rng, 0, w),
      between(rng, ground + 10, h),
      between(rng, 80, 240),
      2,
      '#ffffff',
      'opacity="0.3"',
    )
  return svg(
    w,
    h,
    linear('sky', p.sky) +
      linear('glass', p.glass, false) +
      linear('pool', [p.pool, mix(p.pool, '#000000', 0.4)]),
    body,
  )
}

/** 海湾城市夜景（深圳湾、新加坡等）. */
export function cityBay(
  seed: string,
  p: { sky: string[]; towers: string[]; lit: string; water: string; wheel?: boolean; bridge?: boolean },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  const shore = h * 0.68
  let body = rect(0, 0, w, h, 'url(#sky)') + stars(rng, w, shore * 0.6, 70)
  body += circle(w * 0.16, h * 0.16, 38, '#fff6d8', 'opacity="0.85"')
  if (p.wheel) {
    const cx = w * 0.2
    const cy = shore - 190
    body += circle(cx, cy, 150, 'none', `stroke="${p.lit}" stroke-width="5" opacity="0.8"`)
    for (let a = 0; a < 24; a++) {
      const t = (a / 24) * Math.PI * 2
      body += `<line x1="${f(cx)}" y1="${f(cy)}" x2="${f(cx + Math.cos(t) * 150)}" y2="${f(cy + Math.sin(t) * 150)}" stroke="${p.lit}" stroke-width="1.5" opacity="0.5"/>`
      body += circle(cx + Math.cos(t) * 150, cy + Math.sin(t) * 150, 6, p.lit)
    }
    body += poly(
      [
        [cx - 70, shore],
        [cx, cy],
        [cx + 70, shore],
      ],
      'none',
      `stroke="${p.towers[0]}" stroke-width="10"`,
    )
  }
  let x = w * 0.3
  while (x < w) {
    const bw = between(rng, 50, 120)
    const bh = between(rng, 160, 520)
    const c = pick(rng, p.towers)
    body +=
      rect(x, shore - bh, bw, bh, c) + windows(rng, x, shore - bh, bw, bh, p.lit, mix(c, '#000000', 0.2), 18)
    if (rng() < 0.3)
      body += poly(
        [
          [x, shore - bh],
          [x + bw, shore - bh],
          [x + bw / 2, shore - bh - between(rng, 40, 120)],
        ],
        c,
      )
    x += bw + between(rng, 2, 24)
  }
  body += rect(0, shore, w, h - shore, p.water)
  for (let i = 0; i < 60; i++)
    body += rect(
      between(rng, w * 0.28, w),
      between(rng, shore + 6, h),
      between(rng, 10, 60),
      3,
      p.lit,
      `opacity="${f(between(rng, 0.15, 0.5))}"`,
    )
  if (p.bridge) {
    // A cable-stayed bridge crossing the bay in the foreground.
    const deck = shore + 90
    const deckColor = mix(p.towers[0], '#ffffff', 0.25)
    for (const px of [w * 0.12, w * 0.36]) {
      body += poly(
        [
          [px - 14, deck + 40],
          [px - 5, deck - 250],
          [px + 5, deck - 250],
          [px + 14, deck + 40],
        ],
        deckColor,
      )
      for (let k = 1; k <= 7; k++) {
        const top = deck - 240 + k * 12
        body += `<line x1="${f(px)}" y1="${f(top)}" x2="${f(px - k * 24)}" y2="${f(deck)}" stroke="${p.lit}" stroke-width="1.6" opacity="0.7"/>`
        body += `<line x1="${f(px)}" y1="${f(top)}" x2="${f(px + k * 24)}" y2="${f(deck)}" stroke="${p.lit}" stroke-width="1.6" opacity="0.7"/>`
      }
      body += rect(px - 14, deck + 10, 28, h - deck, mix(deckColor, '#000000', 0.3))
    }
    body += rect(0, deck, w * 0.52, 12, deckColor)
    for (let x = 8; x < w * 0.52; x += 26) body += circle(x, deck - 3, 2.5, p.lit)
  }
  return svg(w, h, linear('sky', p.sky), body)
}

/** 书架与书脊. */
export function bookshelf(
  seed: string,
  p: { wall: string[]; wood: string; spines: string[] },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  const shelves = [h * 0.34, h * 0.64, h * 0.94]
  for (const sy of shelves) {
    body += rect(w * 0.06, sy, w * 0.88, 22, p.wood)
    let x = w * 0.08
    while (x < w * 0.9) {
      const bw = between(rng, 26, 60)
      const bh = between(rng, 150, 220)
      const c = pick(rng, p.spines)
      if (rng() < 0.08) {
        body += poly(
          [
            [x, sy],
            [x + bw, sy],
            [x + bw + bh * 0.55, sy - bh * 0.8],
            [x + bh * 0.55, sy - bh * 0.8],
          ],
          c,
        )
        x += bw + bh * 0.6
        continue
      }
      body +=
        rect(x, sy - bh, bw, bh, c) +
        rect(x, sy - bh + 24, bw, 6, mix(c, '#ffffff', 0.4)) +
        rect(x, sy - 32, bw, 4, mix(c, '#000000', 0.3))
      x += bw + between(rng, 1, 5)
    }
  }
  return svg(w, h, linear('sky', p.wall), body)
}

/** 电路与节点（人工智能、IoT）. */
export function circuit(
  seed: string,
  p: { bg: string[]; line: string; node: string; glow: string },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  const cell = 80
  const nodes: Array<[number, number]> = []
  for (let i = 0; i < 70; i++)
    nodes.push([
      Math.round(between(rng, 1, w / cell - 1)) * cell,
      Math.round(between(rng, 1, h / cell - 1)) * cell,
    ])
  for (let i = 0; i < nodes.length - 1; i++) {
    const [x1, y1] = nodes[i]
    const [x2, y2] = nodes[(i + 1 + Math.floor(rng() * 3)) % nodes.length]
    body += `<path d="M${x1},${y1} L${x2},${y1} L${x2},${y2}" fill="none" stroke="${p.line}" stroke-width="3" opacity="0.55"/>`
  }
  body += circle(w * 0.62, h * 0.48, 260, 'url(#glow)')
  for (const [x, y] of nodes)
    body += circle(x, y, between(rng, 6, 12), p.node) + circle(x, y, 20, p.node, 'opacity="0.15"')
  // A chip in the middle.
  body += rect(
    w * 0.62 - 90,
    h * 0.48 - 90,
    180,
    180,
    mix(p.bg[1], '#000000', 0.3),
    `stroke="${p.node}" stroke-width="4" rx="14"`,
  )
  for (let i = 0; i < 6; i++) {
    const o = -75 + i * 30
    body +=
      rect(w * 0.62 + o, h * 0.48 - 116, 10, 26, p.node) + rect(w * 0.62 + o, h * 0.48 + 90, 10, 26, p.node)
    body +=
      rect(w * 0.62 - 116, h * 0.48 + o, 26, 10, p.node) + rect(w * 0.62 + 90, h * 0.48 + o, 26, 10, p.node)
  }
  return svg(
    w,
    h,
    linear('sky', p.bg, false) +
      `<radialGradient id="glow" cx="0.5" cy="0.5" r="0.5"><stop offset="0%" stop-color="${p.glow}" stop-opacity="0.55"/><stop offset="100%" stop-color="${p.glow}" stop-opacity="0"/></radialGradient>`,
    body,
  )
}

/** 石拱桥与河面. */
export function bridge(
  seed: string,
  p: { sky: string[]; stone: string; hills: string; water: string[] },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  const deck = h * 0.48
  const waterY = h * 0.66
  let body = rect(0, 0, w, h, 'url(#sky)')
  body += path(ridge(rng, w, waterY, waterY - 60, 140, 5), p.hills)
  body += rect(0, waterY, w, h - waterY, 'url(#water)')
  const spans = 4
  const sw = w / spans
  let d = `M0,${f(deck)} L${f(w)},${f(deck)} L${f(w)},${f(waterY + 40)}`
  for (let i = spans - 1; i >= 0; i--) {
    const x0 = i * sw + 30
    const x1 = (i + 1) * sw - 30
    d += ` L${f(x1)},${f(waterY + 40)} L${f(x1)},${f(waterY)} A${f((x1 - x0) / 2)},${f(waterY - deck - 40)} 0 0 0 ${f(x0)},${f(waterY)} L${f(x0)},${f(waterY + 40)}`
  }
  d += ` L0,${f(waterY + 40)} Z`
  body += path(d, p.stone)
  body += rect(0, deck - 26, w, 26, mix(p.stone, '#000000', 0.2))
  for (let x = 10; x < w; x += 40) body += rect(x, deck - 56, 8, 30, mix(p.stone, '#000000', 0.25))
  body += rect(0, deck - 60, w, 6, mix(p.stone, '#000000', 0.25))
  for (let i = 0; i < 30; i++)
    body += rect(
      between(rng, 0, w),
      between(rng, waterY + 50, h),
      between(rng, 40, 200),
      2,
      '#ffffff',
      'opacity="0.25"',
    )
  return svg(w, h, linear('sky', p.sky) + linear('water', p.water), body)
}

/** 抛起的学位帽与彩色纸屑. */
export function graduation(
  seed: string,
  p: { sky: string[]; cap: string; tassel: string; confetti: string[] },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  for (let i = 0; i < 160; i++) {
    const x = between(rng, 0, w)
    const y = between(rng, 0, h)
    body += rect(
      x,
      y,
      between(rng, 6, 14),
      between(rng, 3, 7),
      pick(rng, p.confetti),
      `transform="rotate(${f(between(rng, 0, 180))} ${f(x)} ${f(y)})" opacity="0.85"`,
    )
  }
  for (let i = 0; i < 9; i++) {
    const cx = between(rng, 120, w - 120)
    const cy = between(rng, 120, h - 200)
    const s = between(rng, 0.6, 1.3)
    const rot = between(rng, -30, 30)
    let cap = poly(
      [
        [cx - 110 * s, cy],
        [cx, cy - 45 * s],
        [cx + 110 * s, cy],
        [cx, cy + 45 * s],
      ],
      p.cap,
    )
    cap += path(
      `M${f(cx - 60 * s)},${f(cy + 22 * s)} L${f(cx - 60 * s)},${f(cy + 70 * s)} Q${f(cx)},${f(cy + 95 * s)} ${f(cx + 60 * s)},${f(cy + 70 * s)} L${f(cx + 60 * s)},${f(cy + 22 * s)} L${f(cx)},${f(cy + 45 * s)} Z`,
      mix(p.cap, '#000000', 0.25),
    )
    cap += path(
      `M${f(cx)},${f(cy)} L${f(cx + 80 * s)},${f(cy + 10 * s)} L${f(cx + 84 * s)},${f(cy + 70 * s)}`,
      'none',
      `stroke="${p.tassel}" stroke-width="${f(5 * s)}"`,
    )
    cap += circle(cx, cy, 7 * s, p.tassel)
    body += `<g transform="rotate(${f(rot)} ${f(cx)} ${f(cy)})">${cap}</g>`
  }
  return svg(w, h, linear('sky', p.sky), body)
}

/** 长桌与灯串（聚会、年会）. */
export function gathering(
  seed: string,
  p: { wall: string[]; table: string; bulb: string; people: string[] },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  for (let k = 0; k < 3; k++) {
    const y0 = 70 + k * 60
    body += path(
      `M0,${y0} Q${w / 2},${y0 + 120} ${w},${y0}`,
      'none',
      'stroke="#2b2b2b" stroke-width="2" opacity="0.5"',
    )
    for (let i = 1; i < 20; i++) {
      const t = i / 20
      const x = t * w
      const y = (1 - t) * (1 - t) * y0 + 2 * (1 - t) * t * (y0 + 120) + t * t * y0
      body += circle(x, y + 10, 9, p.bulb) + circle(x, y + 10, 24, p.bulb, 'opacity="0.18"')
    }
  }
  const tableY = h * 0.72
  for (let i = 0; i < 9; i++) {
    const x = 110 + i * 175
    body += figure(
      x,
      tableY + 20,
      between(rng, 0.75, 0.95),
      { coat: pick(rng, p.people), skin: '#e8c4a0', hair: '#2b211c' },
      pick(rng, ['short', 'long', 'bun', 'crop'] as const),
    )
  }
  body += rect(0, tableY, w, 36, p.table) + rect(0, tableY + 36, w, h - tableY, mix(p.table, '#000000', 0.35))
  for (let i = 0; i < 12; i++) {
    const x = 70 + i * 130
    body +=
      rect(x, tableY - 40, 16, 40, '#ffffff', 'opacity="0.6"') +
      circle(x + 60, tableY - 6, 20, '#f4efe6', 'opacity="0.85"')
  }
  return svg(w, h, linear('sky', p.wall), body)
}

/** 山间步道与登山者. */
export function trail(
  seed: string,
  p: { sky: string[]; hills: string[]; path: string; hikers: string[] },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  p.hills.forEach((c, i) => {
    body += path(ridge(rng, w, h, h * (0.35 + i * 0.17), h * 0.2, 4 + i), c)
  })
  body += path(
    `M${f(w * 0.52)},${f(h)} C${f(w * 0.3)},${f(h * 0.85)} ${f(w * 0.75)},${f(h * 0.72)} ${f(w * 0.55)},${f(h * 0.6)} C${f(w * 0.45)},${f(h * 0.54)} ${f(w * 0.6)},${f(h * 0.5)} ${f(w * 0.56)},${f(h * 0.46)}`,
    'none',
    `stroke="${p.path}" stroke-width="26" stroke-linecap="round" opacity="0.9"`,
  )
  const spots: Array<[number, number, number]> = [
    [0.5, 0.93, 0.5],
    [0.6, 0.72, 0.32],
    [0.52, 0.6, 0.24],
    [0.57, 0.5, 0.17],
  ]
  for (const [x, y, s] of spots) {
    body += figure(w * x, h * y, s, { coat: pick(rng, p.hikers), skin: '#e0b994', hair: '#2a221d' }, 'crop')
  }
  for (let i = 0; i < 10; i++)
    body += tree(
      between(rng, 0, w),
      h * between(rng, 0.82, 1.02),
      between(rng, 60, 120),
      mix(p.hills[p.hills.length - 1], '#0d2a17', 0.35),
      '#3e2f22',
      rng,
    )
  return svg(w, h, linear('sky', p.sky), body)
}

/** 车间：齿轮、机械臂与传送带（制造业、5G、IoT）. */
export function workshop(
  seed: string,
  p: { bg: string[]; metal: string; accent: string; signal: string },
  w = W,
  h = H,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  const gear = (cx: number, cy: number, r: number, teeth: number, color: string) => {
    let d = ''
    for (let i = 0; i < teeth * 2; i++) {
      const a = (i / (teeth * 2)) * Math.PI * 2
      const rr = i % 2 === 0 ? r : r * 0.84
      const a2 = ((i + 1) / (teeth * 2)) * Math.PI * 2
      d += `${i === 0 ? 'M' : 'L'}${f(cx + Math.cos(a) * rr)},${f(cy + Math.sin(a) * rr)} L${f(cx + Math.cos(a2) * rr)},${f(cy + Math.sin(a2) * rr)} `
    }
    return path(d + 'Z', color) + circle(cx, cy, r * 0.35, mix(color, '#000000', 0.35))
  }
  body += gear(w * 0.15, h * 0.3, 150, 14, mix(p.metal, p.bg[0], 0.4))
  body += gear(w * 0.29, h * 0.2, 90, 10, mix(p.metal, p.bg[0], 0.55))
  // Signal arcs (a 5G / IoT hint) from a small mast.
  const mx = w * 0.86
  body += rect(mx - 6, h * 0.18, 12, h * 0.5, p.metal)
  for (let i = 1; i <= 4; i++)
    body += path(
      `M${f(mx - i * 36)},${f(h * 0.18 - i * 10)} A${i * 40},${i * 40} 0 0 1 ${f(mx + i * 36)},${f(h * 0.18 - i * 10)}`,
      'none',
      `stroke="${p.signal}" stroke-width="6" opacity="${f(1 - i * 0.18)}"`,
    )
  // Conveyor with boxes.
  const cy = h * 0.78
  body += rect(0, cy, w, 30, mix(p.metal, '#000000', 0.3))
  for (let x = 20; x < w; x += 60) body += circle(x, cy + 15, 11, p.metal)
  for (let x = 60; x < w; x += between(rng, 170, 260))
    body +=
      rect(x, cy - 70, 90, 70, p.accent, 'rx="4"') +
      rect(x + 38, cy - 70, 14, 70, mix(p.accent, '#ffffff', 0.3))
  // Robot arm.
  const ax = w * 0.56
  body += rect(ax - 70, cy - 40, 140, 40, p.metal, 'rx="8"')
  body += `<line x1="${f(ax)}" y1="${f(cy - 40)}" x2="${f(ax - 120)}" y2="${f(cy - 330)}" stroke="${p.accent}" stroke-width="46" stroke-linecap="round"/>`
  body += `<line x1="${f(ax - 120)}" y1="${f(cy - 330)}" x2="${f(ax + 130)}" y2="${f(cy - 400)}" stroke="${p.accent}" stroke-width="36" stroke-linecap="round"/>`
  body += circle(ax - 120, cy - 330, 34, p.metal) + circle(ax, cy - 40, 30, p.metal)
  body += poly(
    [
      [ax + 130, cy - 400],
      [ax + 190, cy - 360],
      [ax + 176, cy - 344],
      [ax + 126, cy - 376],
    ],
    p.metal,
  )
  body += rect(0, cy + 30, w, h - cy, mix(p.bg[1], '#000000', 0.4))
  return svg(w, h, linear('sky', p.bg), body)
}

/** 包豪斯式几何色块（设计、艺术）. */
export function bauhaus(seed: string, p: { bg: string; colors: string[] }, w = W, h = H): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, p.bg)
  for (let i = 0; i < 16; i++) {
    const c = pick(rng, p.colors)
    const x = between(rng, -100, w)
    const y = between(rng, -100, h)
    const s = between(rng, 80, 320)
    const kind = Math.floor(rng() * 4)
    if (kind === 0) body += circle(x, y, s / 2, c, 'opacity="0.9"')
    else if (kind === 1) body += rect(x, y, s, s * between(rng, 0.3, 1.2), c, 'opacity="0.9"')
    else if (kind === 2)
      body += poly(
        [
          [x, y + s],
          [x + s / 2, y],
          [x + s, y + s],
        ],
        c,
        'opacity="0.9"',
      )
    else
      body += path(
        `M${f(x)},${f(y + s)} A${f(s)},${f(s)} 0 0 1 ${f(x + s)},${f(y)} L${f(x + s)},${f(y + s)} Z`,
        c,
        'opacity="0.9"',
      )
  }
  for (let i = 0; i < 5; i++)
    body += rect(0, between(rng, 0, h), w, between(rng, 3, 10), '#1d1d1b', 'opacity="0.8"')
  return svg(w, h, '', body)
}

/** 讲座现场：讲台、屏幕与一排排听众. */
export function lectureHall(
  seed: string,
  p: { wall: string[]; screen: string; stage: string; seats: string[] },
  w = 1200,
  h = 800,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  body += rect(w * 0.2, h * 0.1, w * 0.6, h * 0.36, p.screen, 'rx="6"')
  body +=
    circle(w * 0.38, h * 0.28, 60, '#ffffff', 'opacity="0.3"') +
    rect(w * 0.48, h * 0.2, w * 0.24, 16, '#ffffff', 'opacity="0.35"') +
    rect(w * 0.48, h * 0.26, w * 0.18, 12, '#ffffff', 'opacity="0.25"') +
    rect(w * 0.48, h * 0.31, w * 0.21, 12, '#ffffff', 'opacity="0.25"')
  body += rect(0, h * 0.5, w, 40, p.stage)
  body += figure(
    w * 0.82,
    h * 0.5,
    0.55,
    { coat: '#2d3a4a', skin: '#e3bd98', hair: '#1f1a17', shirt: '#f0f0f0' },
    'short',
  )
  body += rect(w * 0.78, h * 0.42, 60, 60, mix(p.stage, '#000000', 0.3))
  for (let row = 0; row < 4; row++) {
    const y = h * 0.7 + row * 62
    for (let i = 0; i < 12; i++) {
      const x = 40 + i * 100 + (row % 2) * 50
      body += circle(x, y, 26 + row * 3, pick(rng, ['#2b211c', '#3a2c24', '#1c1715', '#54453b']))
      body += rect(x - 44, y + 20, 88, 50, pick(rng, p.seats), 'rx="10"')
    }
  }
  return svg(w, h, linear('sky', p.wall), body)
}

/** 合影：三排人物剪影与背景横幅色块. */
export function groupPhoto(
  seed: string,
  p: { bg: string[]; banner: string; coats: string[] },
  w = 1200,
  h = 800,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  body += rect(w * 0.1, h * 0.08, w * 0.8, h * 0.16, p.banner, 'rx="8"')
  const rows = [
    { y: h * 0.62, n: 9, s: 0.55 },
    { y: h * 0.8, n: 8, s: 0.62 },
    { y: h * 1.0, n: 7, s: 0.72 },
  ]
  for (const r of rows) {
    for (let i = 0; i < r.n; i++) {
      const x = (w / r.n) * (i + 0.5) + between(rng, -10, 10)
      body += figure(
        x,
        r.y,
        r.s,
        {
          coat: pick(rng, p.coats),
          skin: pick(rng, ['#e8c4a0', '#dcb28c', '#f0cfae']),
          hair: pick(rng, ['#231c18', '#3b2d25', '#1a1614']),
          shirt: '#f4f1ea',
        },
        pick(rng, ['short', 'long', 'bun', 'crop', 'grey'] as const),
      )
    }
  }
  return svg(w, h, linear('sky', p.bg), body)
}

/** 灯笼与夜色（春节、中秋联谊）. */
export function lanterns(
  seed: string,
  p: { sky: string[]; lantern: string; glow: string },
  w = 1200,
  h = 800,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)') + stars(rng, w, h * 0.5, 50)
  body += circle(w * 0.82, h * 0.18, 60, '#fff3c9', 'opacity="0.9"')
  for (let i = 0; i < 11; i++) {
    const x = 60 + i * 105 + between(rng, -20, 20)
    const y = between(rng, 160, 480)
    const s = between(rng, 0.7, 1.25)
    body += `<line x1="${f(x)}" y1="0" x2="${f(x)}" y2="${f(y - 60 * s)}" stroke="#2a1b14" stroke-width="2"/>`
    body += circle(x, y, 90 * s, p.glow, 'opacity="0.16"')
    body += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(52 * s)}" ry="${f(62 * s)}" fill="${p.lantern}"/>`
    body +=
      rect(x - 22 * s, y - 68 * s, 44 * s, 12 * s, '#d9a43a') +
      rect(x - 22 * s, y + 56 * s, 44 * s, 12 * s, '#d9a43a')
    body += rect(x - 2, y + 68 * s, 4, 40 * s, '#d9a43a')
    body += `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(22 * s)}" ry="${f(62 * s)}" fill="none" stroke="#ffffff" stroke-opacity="0.25" stroke-width="2"/>`
  }
  body += path(ridge(rng, w, h, h * 0.86, 60, 6), '#1b1420')
  return svg(w, h, linear('sky', p.sky), body)
}

/** 球场俯视：草坪条纹、白线与球员圆点. */
export function pitch(
  seed: string,
  p: { grass: string[]; teamA: string; teamB: string },
  w = 1200,
  h = 800,
): string {
  const rng = seededRandom(seed)
  let body = ''
  for (let i = 0; i < 12; i++) body += rect((w / 12) * i, 0, w / 12 + 1, h, p.grass[i % 2])
  const line = 'fill="none" stroke="#ffffff" stroke-width="5" opacity="0.85"'
  body += `<rect x="40" y="40" width="${w - 80}" height="${h - 80}" ${line}/>`
  body += `<line x1="${w / 2}" y1="40" x2="${w / 2}" y2="${h - 40}" ${line.replace('fill="none" ', '')}/>`
  body += `<circle cx="${w / 2}" cy="${h / 2}" r="100" ${line}/>`
  body += `<rect x="40" y="${h / 2 - 160}" width="160" height="320" ${line}/><rect x="${w - 200}" y="${h / 2 - 160}" width="160" height="320" ${line}/>`
  for (let i = 0; i < 11; i++)
    body += circle(
      between(rng, 80, w / 2 + 100),
      between(rng, 80, h - 80),
      16,
      p.teamA,
      'stroke="#ffffff" stroke-width="3"',
    )
  for (let i = 0; i < 11; i++)
    body += circle(
      between(rng, w / 2 - 100, w - 80),
      between(rng, 80, h - 80),
      16,
      p.teamB,
      'stroke="#ffffff" stroke-width="3"',
    )
  body += circle(w * 0.55, h * 0.45, 10, '#ffffff')
  return svg(w, h, '', body)
}

/** 植树：新苗、铁锹与土坡. */
export function planting(
  seed: string,
  p: { sky: string[]; soil: string; leaf: string[] },
  w = 1200,
  h = 800,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  body += path(ridge(rng, w, h, h * 0.62, 60, 4), mix(p.leaf[0], '#ffffff', 0.3))
  body += path(ridge(rng, w, h, h * 0.74, 30, 5), p.soil)
  for (let i = 0; i < 7; i++) {
    const x = 90 + i * 170
    const base = h * 0.76 + between(rng, -6, 10)
    body += rect(x - 4, base - 150, 8, 150, '#6b4b32')
    for (let k = 0; k < 6; k++) {
      const lx = x + between(rng, -60, 60)
      const ly = base - between(rng, 110, 220)
      body += `<ellipse cx="${f(lx)}" cy="${f(ly)}" rx="28" ry="14" fill="${pick(rng, p.leaf)}" transform="rotate(${f(between(rng, -40, 40))} ${f(lx)} ${f(ly)})"/>`
    }
    body += `<ellipse cx="${f(x)}" cy="${f(base + 4)}" rx="50" ry="12" fill="${mix(p.soil, '#000000', 0.25)}"/>`
  }
  body += `<line x1="${w * 0.9}" y1="${h * 0.5}" x2="${w * 0.83}" y2="${h * 0.86}" stroke="#8a6a45" stroke-width="12" stroke-linecap="round"/>`
  body += path(
    `M${f(w * 0.81)},${f(h * 0.84)} L${f(w * 0.86)},${f(h * 0.85)} L${f(w * 0.84)},${f(h * 0.95)} L${f(w * 0.79)},${f(h * 0.92)} Z`,
    '#8c9399',
  )
  return svg(w, h, linear('sky', p.sky), body)
}

/** 一摞捐赠图书与纸箱. */
export function bookStack(
  seed: string,
  p: { wall: string[]; books: string[]; box: string },
  w = 1200,
  h = 800,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)') + rect(0, h * 0.8, w, h * 0.2, mix(p.box, '#000000', 0.45))
  for (let s = 0; s < 4; s++) {
    const cx = 200 + s * 270
    let y = h * 0.8
    const n = 6 + Math.floor(rng() * 6)
    for (let i = 0; i < n; i++) {
      const bw = between(rng, 170, 230)
      const bh = between(rng, 26, 44)
      const c = pick(rng, p.books)
      const off = between(rng, -16, 16)
      body +=
        rect(cx - bw / 2 + off, y - bh, bw, bh, c, 'rx="3"') +
        rect(cx - bw / 2 + off + 8, y - bh + 6, 6, bh - 12, mix(c, '#ffffff', 0.45))
      y -= bh
    }
  }
  body +=
    rect(w * 0.8, h * 0.56, 200, 150, p.box) +
    rect(w * 0.8, h * 0.56, 200, 18, mix(p.box, '#000000', 0.2)) +
    rect(w * 0.8 + 92, h * 0.56, 16, 150, mix(p.box, '#ffffff', 0.25))
  return svg(w, h, linear('sky', p.wall), body)
}

/** 插画肖像：渐变背景上的人物半身剪影. */
export function portrait(
  seed: string,
  p: {
    bg: string[]
    coat: string
    skin: string
    hair: string
    shirt?: string
    style: 'short' | 'long' | 'bun' | 'crop' | 'grey'
    glasses?: boolean
  },
  w = 600,
  h = 800,
): string {
  const rng = seededRandom(seed)
  let body = rect(0, 0, w, h, 'url(#sky)')
  for (let i = 0; i < 5; i++)
    body += circle(
      between(rng, 0, w),
      between(rng, 0, h * 0.6),
      between(rng, 60, 180),
      '#ffffff',
      `opacity="${f(between(rng, 0.04, 0.12))}"`,
    )
  body += figure(w / 2, h + 10, 2.3, { coat: p.coat, skin: p.skin, hair: p.hair, shirt: p.shirt }, p.style)
  if (p.glasses) {
    const gy = h + 10 - 150 * 2.3 + 8
    body += `<g fill="none" stroke="#2a2a2a" stroke-width="5" opacity="0.8"><circle cx="${f(w / 2 - 38)}" cy="${f(gy)}" r="24"/><circle cx="${f(w / 2 + 38)}" cy="${f(gy)}" r="24"/><line x1="${f(w / 2 - 14)}" y1="${f(gy)}" x2="${f(w / 2 + 14)}" y2="${f(gy)}"/></g>`
  }
  return svg(w, h, linear('sky', p.bg, false), body)
}

/** QR 码样式的点阵（三个定位角 + 伪随机数据格），仅作示意，不可扫描. */
export function qrLike(seed: string, p: { fg: string; bg: string; center?: string }, size = 400): string {
  const rng = seededRandom(seed)
  const n = 29
  const m = 12
  const margin = (size - n * m) / 2
  const grid: boolean[][] = Array.from({ length: n }, () => Array.from({ length: n }, () => rng() < 0.5))
  const finder = (r0: number, c0: number) => {
    for (let r = -1; r <= 7; r++)
      for (let c = -1; c <= 7; c++) {
        const rr = r0 + r
        const cc = c0 + c
        if (rr < 0 || cc < 0 || rr >= n || cc >= n) continue
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3))
        grid[rr][cc] = ring === 3 || ring <= 1
      }
  }
  finder(0, 0)
  finder(0, n - 7)
  finder(n - 7, 0)
  for (let i = 8; i < n - 8; i++) grid[6][i] = grid[i][6] = i % 2 === 0
  // Alignment pattern.
  for (let r = -2; r <= 2; r++)
    for (let c = -2; c <= 2; c++) grid[n - 7 + r][n - 7 + c] = Math.max(Math.abs(r), Math.abs(c)) !== 1
  let body = rect(0, 0, size, size, p.bg)
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) if (grid[r][c]) body += rect(margin + c * m, margin + r * m, m, m, p.fg)
  if (p.center) {
    body +=
      rect(size / 2 - 34, size / 2 - 34, 68, 68, p.bg, 'rx="10"') + circle(size / 2, size / 2, 26, p.center)
    body += path(
      `M${size / 2 - 18},${size / 2 + 4} Q${size / 2 - 9},${size / 2 - 6} ${size / 2},${size / 2 + 4} T${size / 2 + 18},${size / 2 + 4}`,
      'none',
      'stroke="#ffffff" stroke-width="4"',
    )
  }
  return svg(size, size, '', body)
}

/** 校友总会标志：圆形徽章中的湖波、北山与钟楼剪影. */
export function logo(p: { ring: string; inner: string; light: string }, size = 512): string {
  const c = size / 2
  let body = circle(c, c, 248, p.ring)
  body += circle(c, c, 220, p.light)
  body += circle(c, c, 204, p.inner)
  body += path(
    `M${c - 204},${c + 30} C${c - 120},${c - 60} ${c - 60},${c - 40} ${c},${c + 10} C${c + 50},${c - 70} ${c + 130},${c - 50} ${c + 204},${c + 30} L${c + 204},${c + 204} L${c - 204},${c + 204} Z`,
    mix(p.inner, '#000000', 0.25),
  )
  body +=
    rect(c - 22, c - 150, 44, 170, p.light) +
    poly(
      [
        [c - 34, c - 150],
        [c + 34, c - 150],
        [c, c - 196],
      ],
      p.light,
    )
  body += circle(c, c - 112, 13, p.inner)
  for (let i = 0; i < 4; i++) {
    const y = c + 60 + i * 34
    body += path(
      `M${c - 170 + i * 14},${y} Q${c - 85},${y - 20} ${c},${y} T${c + 170 - i * 14},${y}`,
      'none',
      `stroke="${p.light}" stroke-width="10" stroke-linecap="round" opacity="${f(1 - i * 0.18)}"`,
    )
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${body}</svg>`
}
