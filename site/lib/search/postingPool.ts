/**
 * Every token of a site and its postings, in a few typed arrays instead of a Map of strings and arrays: a realistic
 * 20,000-page archive has 1.4 million distinct tokens and 45 million postings.
 *
 * - Tokens get small integer ids. A Han character or pair of Basic Multilingual Plane characters, nearly every token,
 *   is looked up by its UTF-16 code units as one 32-bit key in an open-addressing table, so indexing a page builds
 *   no strings; other tokens (words, filter values, rare characters outside the BMP) go through a Map.
 * - Postings are stored already encoded as the bucket file stores them (indexFormat.ts: id delta as a varint, then
 *   the weight byte), about 2 bytes each, in a chain of blocks per token that double in size (8 bytes to 1 KB), so
 *   the many tokens seen once take 8 bytes and the common ones waste little. Writing a bucket copies the bytes.
 */
import type { EncodedPostings } from './indexFormat.ts'
import { bucketOf, bucketOfHanKey } from './tokens.ts'

/** The 32-bit key of a one- or two-unit BMP Han token: the character, or first unit × 65,536 + second. */
export function hanKey(first: number, second = -1): number {
  return second < 0 ? first : ((first << 16) | second) >>> 0
}

/** Whether a UTF-16 unit is a Han character of the Basic Multilingual Plane (not half of a surrogate pair). */
export function isBmpHan(code: number): boolean {
  return code < 0xd800 || code > 0xdfff ? BMP_HAN.test(String.fromCharCode(code)) : false
}
const BMP_HAN = /^\p{Script=Han}$/u

const NEXT = 4 // bytes of a block's link to the next block
const MIN_BLOCK_SHIFT = 3 // 8 bytes
const MAX_BLOCK_SHIFT = 10 // 1 KB
const SEGMENT_SHIFT = 20 // the pool grows by 1 MB segments, never by copying; a block never straddles two
const SEGMENT = 1 << SEGMENT_SHIFT
const OFFSET_MASK = SEGMENT - 1

export class PostingPool implements EncodedPostings {
  // Open-addressing table of BMP Han keys (0 = empty: no token's key is 0) to token id.
  private keys = new Uint32Array(1 << 16)
  private slots = new Int32Array(1 << 16)
  /** 32 − log2 of the table's size: Fibonacci hashing takes the product's top bits. */
  private hashShift = 16
  private hanTokens = 0
  private readonly stringIds = new Map<string, number>()
  /** Per token id: its BMP Han key, or 0 when its text is in `strings`. */
  private tokenKeys = new Uint32Array(1 << 12)
  private readonly strings = new Map<number, string>()
  private tokens = 0

  // Per token id: first block, current block, next free byte, block size (log2), postings, encoded bytes, previous
  // document + 1.
  private heads = new Int32Array(1 << 12)
  private tails = new Int32Array(1 << 12)
  private ends = new Int32Array(1 << 12)
  private shifts = new Uint8Array(1 << 12)
  private counts = new Int32Array(1 << 12)
  private lengths = new Int32Array(1 << 12)
  private previous = new Int32Array(1 << 12)

  private readonly segments: Uint8Array[] = []
  // Offset 0 is reserved so that 0 can mean "no next block".
  private used = 8

  get size(): number {
    return this.tokens
  }

  /** The id of a BMP Han token by its key (hanKey), added if new; -1 with `create` false when it is unknown. */
  idOfHan(key: number, create = true): number {
    const mask = this.keys.length - 1
    let slot = Math.imul(key, 0x9e3779b1) >>> this.hashShift
    for (;;) {
      const found = this.keys[slot]!
      if (found === key) return this.slots[slot]!
      if (found === 0) break
      slot = (slot + 1) & mask
    }
    if (!create) return -1
    const id = this.newToken(key)
    this.keys[slot] = key
    this.slots[slot] = id
    if (++this.hanTokens * 2 > this.keys.length) this.growTable()
    return id
  }

  /** The id of any token by its text, added if new; -1 with `create` false when it is unknown. */
  idOf(token: string, create = true): number {
    const first = token.charCodeAt(0)
    if (token.length <= 2 && isBmpHan(first)) {
      if (token.length === 1) return this.idOfHan(hanKey(first), create)
      const second = token.charCodeAt(1)
      if (isBmpHan(second)) return this.idOfHan(hanKey(first, second), create)
    }
    let id = this.stringIds.get(token)
    if (id === undefined) {
      if (!create) return -1
      id = this.newToken(0)
      this.stringIds.set(token, id)
      this.strings.set(id, token)
    }
    return id
  }

  tokenAt(id: number): string {
    const key = this.tokenKeys[id]!
    if (key === 0) return this.strings.get(id)!
    return key > 0xffff ? String.fromCharCode(key >>> 16, key & 0xffff) : String.fromCharCode(key)
  }

  /** The token's length in UTF-16 units, without making its string. */
  lengthAt(id: number): number {
    const key = this.tokenKeys[id]!
    return key === 0 ? this.strings.get(id)!.length : key > 0xffff ? 2 : 1
  }

  /** bucketOf(tokenAt(id)), without making the string of a Han token. */
  bucketAt(id: number, bucketCount: number): number {
    const key = this.tokenKeys[id]!
    return key === 0 ? bucketOf(this.strings.get(id)!, bucketCount) : bucketOfHanKey(key, bucketCount)
  }

  /** Frees what only adding needs (the lookup table, the last document per token); no token can be added after. */
  seal(): void {
    this.keys = new Uint32Array(0)
    this.slots = new Int32Array(0)
    this.previous = new Int32Array(0)
    this.stringIds.clear()
  }

  countAt(id: number): number {
    return this.counts[id]!
  }

  /** Adds document `document` with its weight byte to a token's postings; documents arrive in ascending order. */
  add(id: number, document: number, weight: number): void {
    let delta = document + 1 - this.previous[id]!
    this.previous[id] = document + 1
    this.counts[id] = this.counts[id]! + 1
    let length = this.lengths[id]! + 2
    while (delta >= 0x80) {
      this.byte(id, (delta & 0x7f) | 0x80)
      delta = Math.floor(delta / 128)
      length++
    }
    this.byte(id, delta)
    this.byte(id, weight)
    this.lengths[id] = length
  }

  /** A token's postings as the bucket file stores them. */
  encodedPostings(id: number): Uint8Array {
    const bytes = new Uint8Array(this.encodedLength(id))
    this.copyEncoded(id, bytes, 0)
    return bytes
  }

  /** Copies a token's encoded postings (encodedLength bytes) into `target` from `offset`. */
  copyEncoded(id: number, target: Uint8Array, offset: number): void {
    const end = offset + this.encodedLength(id)
    let block = this.heads[id]!
    let shift = MIN_BLOCK_SHIFT
    for (let at = offset; at < end;) {
      const segment = this.segments[block >>> SEGMENT_SHIFT]!
      const start = (block & OFFSET_MASK) + NEXT
      const take = Math.min((1 << shift) - NEXT, end - at)
      if (take <= 16) for (let i = 0; i < take; i++) target[at + i] = segment[start + i]!
      else target.set(segment.subarray(start, start + take), at)
      at += take
      block = readLink(segment, block & OFFSET_MASK)
      shift = Math.min(shift + 1, MAX_BLOCK_SHIFT)
    }
  }

  /** Bytes of a token's encoded postings. */
  encodedLength(id: number): number {
    return this.lengths[id]!
  }

  private byte(id: number, value: number): void {
    let end = this.ends[id]!
    let tail = this.tails[id]!
    if (end === tail + (1 << this.shifts[id]!)) {
      const shift = Math.min(this.shifts[id]! + 1, MAX_BLOCK_SHIFT)
      const block = this.newBlock(shift)
      writeLink(this.segments[tail >>> SEGMENT_SHIFT]!, tail & OFFSET_MASK, block)
      this.tails[id] = tail = block
      this.shifts[id] = shift
      end = block + NEXT
    }
    this.segments[end >>> SEGMENT_SHIFT]![end & OFFSET_MASK] = value
    this.ends[id] = end + 1
  }

  private newToken(key: number): number {
    const id = this.tokens++
    if (id === this.heads.length) {
      const length = Math.ceil(id * 1.5)
      this.tokenKeys = grow(this.tokenKeys, new Uint32Array(length))
      this.heads = grow(this.heads, new Int32Array(length))
      this.tails = grow(this.tails, new Int32Array(length))
      this.ends = grow(this.ends, new Int32Array(length))
      this.shifts = grow(this.shifts, new Uint8Array(length))
      this.counts = grow(this.counts, new Int32Array(length))
      this.lengths = grow(this.lengths, new Int32Array(length))
      this.previous = grow(this.previous, new Int32Array(length))
    }
    this.tokenKeys[id] = key
    const block = this.newBlock(MIN_BLOCK_SHIFT)
    this.heads[id] = this.tails[id] = block
    this.ends[id] = block + NEXT
    this.shifts[id] = MIN_BLOCK_SHIFT
    return id
  }

  private newBlock(shift: number): number {
    const size = 1 << shift
    // Skip to a new segment rather than straddle two.
    if ((this.used & OFFSET_MASK) + size > SEGMENT || this.used >>> SEGMENT_SHIFT >= this.segments.length) {
      if (this.used >>> SEGMENT_SHIFT < this.segments.length)
        this.used = this.segments.length << SEGMENT_SHIFT
      this.segments.push(new Uint8Array(SEGMENT))
    }
    const block = this.used
    this.used += size
    return block
  }

  private growTable(): void {
    const keys = this.keys
    const slots = this.slots
    this.keys = new Uint32Array(keys.length * 2)
    this.slots = new Int32Array(keys.length * 2)
    this.hashShift--
    const mask = this.keys.length - 1
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!
      if (key === 0) continue
      let slot = Math.imul(key, 0x9e3779b1) >>> this.hashShift
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask
      this.keys[slot] = key
      this.slots[slot] = slots[i]!
    }
  }
}

function readLink(segment: Uint8Array, at: number): number {
  return (segment[at]! | (segment[at + 1]! << 8) | (segment[at + 2]! << 16) | (segment[at + 3]! << 24)) >>> 0
}

function writeLink(segment: Uint8Array, at: number, block: number): void {
  segment[at] = block & 0xff
  segment[at + 1] = (block >>> 8) & 0xff
  segment[at + 2] = (block >>> 16) & 0xff
  segment[at + 3] = (block >>> 24) & 0xff
}

function grow<T extends Uint8Array | Int32Array | Uint32Array>(array: T, next: T): T {
  next.set(array)
  return next
}
