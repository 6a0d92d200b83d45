/**
 * The files of the site search index, written by indexer.ts and read by the search page (scripts/search.ts):
 *
 *   /_search/manifest.json        SearchManifest: where this build's files are, filter values with counts
 *   /_search/<build>/b/<n>.bin    postings of every token whose bucketOf() is n (encodeBucket)
 *   /_search/<build>/d/<id>.json  SearchDocument: what a result shows, and the text it is checked against
 *
 * <build> is a hash of the files, so they can be cached for good; only the manifest changes between builds.
 * Documents are numbered in the order the build rendered their pages (indexer.ts); among equally good results the
 * lower number comes first.
 */

/** The index's folder in the built site. */
export const INDEX_DIR = '_search'
export const MANIFEST_PATH = `/${INDEX_DIR}/manifest.json`

export interface SearchManifest {
  version: 1
  /** Folder of this build's bucket and document files, site-relative, ending in `/`. */
  base: string
  documents: number
  buckets: number
  /** Per filter key (type, college, classYear), its values and how many documents have each, most first. */
  filters: Record<string, Array<[value: string, count: number]>>
}

export interface SearchDocument {
  url: string
  title: string
  /** Shown under the title: type and date as the page prints them. */
  meta: Record<string, string>
  /** The page's searchable text as it shows it, blocks separated by line breaks. */
  text: string
}

/**
 * A posting's weight byte. Bits 0–4: how strongly the body is about the token (BM25's saturated term frequency,
 * normalized for the document's length, scaled to 1–31). Bits 5–7, where else it occurs: 0 nowhere else, 1 in a
 * subheading, 2–7 in the title, higher the more of the title the token covers and when the title starts with it
 * (张伟 in 张伟 is 7, in the middle of a 25-character headline 2).
 */
export const BODY_WEIGHT = 0x1f
export const FIELD_SHIFT = 5
export const IN_SUBHEADING = 1
export const IN_TITLE = 2
export const MAX_FIELD = 7

export interface Postings {
  ids: number[]
  weights: number[]
}

/**
 * One bucket: [token count] then per token [UTF-8 length, UTF-8, posting count, byte length, (id delta, weight)…].
 * Postings come packed as `id * 256 + weight`, ids ascending.
 */
export function encodeBucket(entries: Array<[token: string, postings: ArrayLike<number>]>): Uint8Array {
  const encoded = entries.map(([, packed]) => {
    const postings = new ByteWriter()
    let previous = -1
    for (let i = 0; i < packed.length; i++) {
      const id = packed[i]! >>> 8
      postings.varint(id - previous)
      postings.byte(packed[i]! & 0xff)
      previous = id
    }
    return { count: packed.length, bytes: postings.view() }
  })
  return encodeEncodedBucket(
    entries.map(([token], i): [string, number] => [token, i]),
    {
      countAt: (i) => encoded[i]!.count,
      encodedLength: (i) => encoded[i]!.bytes.length,
      copyEncoded: (i, target, at) => target.set(encoded[i]!.bytes, at),
    },
  )
}

/** Postings kept already encoded as a bucket stores them ((id delta, weight)… bytes), as the indexer keeps them. */
export interface EncodedPostings {
  countAt(id: number): number
  encodedLength(id: number): number
  copyEncoded(id: number, target: Uint8Array, at: number): void
}

/**
 * One bucket of the given tokens (in the order given) with their postings from `source`. With `scratch`, the bucket
 * is written into it and the bytes returned are valid until its next use (the indexer encodes 17,000 buckets at 20k
 * and writes each at once).
 */
export function encodeEncodedBucket(
  tokens: Array<[token: string, id: number]>,
  source: EncodedPostings,
  scratch?: ByteWriter,
): Uint8Array {
  // Room for the worst case up front (3 UTF-8 bytes per UTF-16 unit, 5-byte varints): growing the buffer as it
  // filled took a seventh of the time the index is written in, after the last page.
  let capacity = 5
  for (const [token, id] of tokens) capacity += token.length * 3 + 15 + source.encodedLength(id)
  const out = scratch ?? new ByteWriter(capacity)
  out.reset(capacity)
  out.varint(tokens.length)
  for (const [token, id] of tokens) {
    out.utf8WithLength(token)
    out.varint(source.countAt(id))
    const length = source.encodedLength(id)
    out.varint(length)
    source.copyEncoded(id, out.reserve(length), out.length - length)
  }
  return out.view()
}

/** The postings of the wanted tokens found in a bucket; other tokens are skipped without decoding. */
export function decodeBucket(buffer: ArrayBuffer | Uint8Array, wanted: Set<string>): Map<string, Postings> {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer)
  const decoder = new TextDecoder()
  const found = new Map<string, Postings>()
  let at = 0
  const varint = () => {
    let value = 0
    let shift = 0
    let byte: number
    do {
      if (at >= bytes.length) throw new Error('search index: bucket file is cut short')
      byte = bytes[at++]!
      value += (byte & 0x7f) * 2 ** shift
      shift += 7
    } while (byte & 0x80)
    return value
  }
  const tokens = varint()
  for (let t = 0; t < tokens; t++) {
    const length = varint()
    const token = decoder.decode(bytes.subarray(at, at + length))
    at += length
    const count = varint()
    const size = varint()
    if (!wanted.has(token)) {
      at += size
      continue
    }
    const ids: number[] = []
    const weights: number[] = []
    let id = -1
    for (let i = 0; i < count; i++) {
      id += varint()
      ids.push(id)
      weights.push(bytes[at++]!)
    }
    found.set(token, { ids, weights })
  }
  return found
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

export class ByteWriter {
  private buffer: Uint8Array
  length = 0

  constructor(capacity = 1024) {
    this.buffer = new Uint8Array(capacity)
  }

  /** Empties the writer, with room for at least `capacity` bytes. */
  reset(capacity = 0): void {
    this.length = 0
    if (this.buffer.length < capacity)
      this.buffer = new Uint8Array(Math.max(capacity, this.buffer.length * 2))
  }

  byte(value: number): void {
    if (this.length === this.buffer.length) this.grow(1)
    this.buffer[this.length++] = value
  }

  varint(value: number): void {
    while (value >= 0x80) {
      this.byte((value & 0x7f) | 0x80)
      value = Math.floor(value / 128)
    }
    this.byte(value)
  }

  bytes(values: Uint8Array): void {
    if (this.length + values.length > this.buffer.length) this.grow(values.length)
    this.buffer.set(values, this.length)
    this.length += values.length
  }

  view(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }

  /** Makes room for `count` bytes at the end and counts them written; returns the buffer to write them into. */
  reserve(count: number): Uint8Array {
    if (this.length + count > this.buffer.length) this.grow(count)
    this.length += count
    return this.buffer
  }

  /** The string's UTF-8 length as a varint, then its UTF-8 bytes (what TextEncoder gives, without allocating). */
  utf8WithLength(text: string): void {
    let bytes = 0
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code < 0x80) bytes += 1
      else if (code < 0x800) bytes += 2
      else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
        bytes += 4
        i++
      } else bytes += 3
    }
    this.varint(bytes)
    const out = this.reserve(bytes)
    let at = this.length - bytes
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i)
      if (code < 0x80) out[at++] = code
      else if (code < 0x800) {
        out[at++] = 0xc0 | (code >> 6)
        out[at++] = 0x80 | (code & 0x3f)
      } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
        code = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00)
        out[at++] = 0xf0 | (code >> 18)
        out[at++] = 0x80 | ((code >> 12) & 0x3f)
        out[at++] = 0x80 | ((code >> 6) & 0x3f)
        out[at++] = 0x80 | (code & 0x3f)
      } else {
        // A lone surrogate becomes U+FFFD, as TextEncoder writes it.
        if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd
        out[at++] = 0xe0 | (code >> 12)
        out[at++] = 0x80 | ((code >> 6) & 0x3f)
        out[at++] = 0x80 | (code & 0x3f)
      }
    }
  }

  private grow(needed: number): void {
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + needed))
    next.set(this.buffer.subarray(0, this.length))
    this.buffer = next
  }
}
