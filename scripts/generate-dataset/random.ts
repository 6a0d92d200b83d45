// Seeded randomness: every choice the generator makes goes through a Random, so a seed fixes the output.

/** Hashes any seed text to a 32-bit integer (FNV-1a), so `--seed 42` and `--seed spring-2026` both work. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** mulberry32: tiny, fast, and good enough for synthetic data. */
export class Random {
  #state: number

  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** Picks by weight from `[value, weight]` pairs. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0
    for (const [, weight] of choices) total += weight
    let roll = this.next() * total
    for (const [value, weight] of choices) {
      roll -= weight
      if (roll < 0) return value
    }
    return choices[choices.length - 1]![0]
  }

  /** `count` distinct integers from [0, size), in ascending order. */
  sampleIndices(size: number, count: number): number[] {
    const chosen = new Set<number>()
    const wanted = Math.min(count, size)
    while (chosen.size < wanted) chosen.add(Math.floor(this.next() * size))
    return [...chosen].sort((a, b) => a - b)
  }

  /** Lower-case hex string of `length` characters. */
  hex(length: number): string {
    let out = ''
    while (out.length < length)
      out += Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, '0')
    return out.slice(0, length)
  }

  /** Decimal digits, e.g. for phone numbers. */
  digits(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 10)
    return out
  }
}

/** The first index whose cumulative weight exceeds `roll` (a binary search; `cumulative` never decreases). */
export function indexAbove(cumulative: Float64Array, roll: number): number {
  let low = 0
  let high = cumulative.length - 1
  while (low < high) {
    const middle = (low + high) >>> 1
    if (cumulative[middle]! > roll) high = middle
    else low = middle + 1
  }
  return low
}

/**
 * Samples list items with probability proportional to 1 / rank^exponent, the shape of word frequencies in
 * natural text: a few words are everywhere, most are rare. List order is the rank.
 */
export class ZipfSampler<T> {
  readonly items: readonly T[]
  readonly #cumulative: Float64Array

  constructor(items: readonly T[], exponent = 1) {
    if (items.length === 0) throw new Error('ZipfSampler needs at least one item')
    this.items = items
    this.#cumulative = new Float64Array(items.length)
    let total = 0
    for (let rank = 0; rank < items.length; rank++) {
      total += 1 / (rank + 1) ** exponent
      this.#cumulative[rank] = total
    }
    for (let rank = 0; rank < items.length; rank++) this.#cumulative[rank] = this.#cumulative[rank]! / total
  }

  sample(random: Random): T {
    return this.items[indexAbove(this.#cumulative, random.next())]!
  }
}
