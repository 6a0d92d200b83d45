import { createHash } from 'node:crypto'

/** SHA-1 hex of a string or bytes. */
export function sha1(input: string | Uint8Array): string {
  return createHash('sha1').update(input).digest('hex')
}

/**
 * Deterministic `_key` factory for one document: the n-th key of a document is always the same,
 * so regenerating the dataset does not churn keys (and diffs stay readable).
 */
export function keyFactory(docId: string): () => string {
  let n = 0
  return () => sha1(`${docId}#${n++}`).slice(0, 12)
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A `_rev` that looks like the 22-character base62 revisions of a real export, derived from the document id. */
export function revisionFor(docId: string): string {
  const bytes = createHash('sha256').update(`rev:${docId}`).digest()
  let rev = ''
  for (let i = 0; i < 22; i++) rev += BASE62[bytes[i] % 62]
  return rev
}

/** Small seeded PRNG (mulberry32) so every generated image is identical on every run. */
export function seededRandom(seed: string): () => number {
  let a = parseInt(sha1(seed).slice(0, 8), 16) >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
