/**
 * Posting lists for a whole site in a few typed arrays: each token's postings (`id * 256 + weight`) live in a chain
 * of fixed-size blocks in one pool. 20,000 pages make about 19 million postings; as JavaScript arrays they took
 * 440 MB of heap beside Astro, in the pool about a quarter of that.
 */
const BLOCK = 16 // slot 0: the next block's offset (0: none); slots 1–15: postings
const PER_BLOCK = BLOCK - 1
// The pool grows by whole segments (4 MB), never by copying: blocks never straddle one (BLOCK divides SEGMENT).
const SEGMENT_SHIFT = 20
const SEGMENT = 1 << SEGMENT_SHIFT
const OFFSET_MASK = SEGMENT - 1

export class PostingPool {
  private readonly ids = new Map<string, number>()
  private readonly tokens: string[] = []
  private heads = new Int32Array(1024)
  private tails = new Int32Array(1024)
  private counts = new Int32Array(1024)
  private readonly segments: Int32Array[] = []
  // Offset 0 is reserved so that 0 can mean "no next block".
  private used = BLOCK

  add(token: string, value: number): void {
    let id = this.ids.get(token)
    if (id === undefined) {
      id = this.tokens.length
      this.ids.set(token, id)
      this.tokens.push(token)
      if (id === this.heads.length) {
        this.heads = grow(this.heads)
        this.tails = grow(this.tails)
        this.counts = grow(this.counts)
      }
      this.heads[id] = this.tails[id] = this.newBlock()
    }
    const count = this.counts[id]!
    let tail = this.tails[id]!
    if (count > 0 && count % PER_BLOCK === 0) {
      const block = this.newBlock()
      this.segments[tail >>> SEGMENT_SHIFT]![tail & OFFSET_MASK] = block
      this.tails[id] = tail = block
    }
    this.segments[tail >>> SEGMENT_SHIFT]![(tail & OFFSET_MASK) + 1 + (count % PER_BLOCK)] = value
    this.counts[id] = count + 1
  }

  get size(): number {
    return this.tokens.length
  }

  tokenAt(id: number): string {
    return this.tokens[id]!
  }

  countAt(id: number): number {
    return this.counts[id]!
  }

  postingsOf(id: number): Int32Array {
    const count = this.counts[id]!
    const postings = new Int32Array(count)
    let block = this.heads[id]!
    for (let i = 0; i < count; i += PER_BLOCK) {
      const segment = this.segments[block >>> SEGMENT_SHIFT]!
      const at = block & OFFSET_MASK
      postings.set(segment.subarray(at + 1, at + 1 + Math.min(PER_BLOCK, count - i)), i)
      block = segment[at]!
    }
    return postings
  }

  private newBlock(): number {
    if (this.used + BLOCK > this.segments.length * SEGMENT) this.segments.push(new Int32Array(SEGMENT))
    const block = this.used
    this.used += BLOCK
    return block
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.ceil(array.length * 1.5))
  next.set(array)
  return next
}
