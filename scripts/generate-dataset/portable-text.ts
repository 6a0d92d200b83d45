// Portable Text bodies in the stored shape: blocks with `_key`, `style`, `markDefs` and spans.
import type { Random } from './random.ts'
import type { TextGenerator } from './text.ts'

export interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}

export interface LinkDefinition {
  _type: 'link'
  _key: string
  href: string
}

export interface Block {
  _type: 'block'
  _key: string
  style: 'normal' | 'h2' | 'h3' | 'blockquote'
  listItem?: 'bullet' | 'number'
  level?: number
  markDefs: LinkDefinition[]
  children: Span[]
}

export interface ImageValue {
  _type: 'imageWithAlt'
  _sanityAsset: string
  alt: string
  caption?: string
}

export type PortableTextMember = Block | (ImageValue & { _key: string })

/** `_key`s unique within one document (Sanity requires uniqueness per array; per document is simpler). */
export class KeyMaker {
  readonly #random: Random
  #used = new Set<string>()

  constructor(random: Random) {
    this.#random = random
  }

  /** Starts a new document. */
  reset(): void {
    this.#used = new Set()
  }

  next(): string {
    for (;;) {
      const key = this.#random.hex(12)
      if (!this.#used.has(key)) {
        this.#used.add(key)
        return key
      }
    }
  }
}

export interface BodyOptions {
  minChars: number
  maxChars: number
  /** Opening sentence about this document in particular (who, where, how many). */
  lead?: string
  headings?: boolean
  list?: boolean
  link?: { href: string; text: string }
  image?: ImageValue
}

const LINK_INTROS = ['详情请见', '更多内容见', '欢迎访问', '报名请通过', '相关报道见']

/** Counts what a reader reads: the text of every span. */
export function plainTextLength(blocks: readonly PortableTextMember[]): number {
  let length = 0
  for (const block of blocks)
    if (block._type === 'block') for (const span of block.children) length += span.text.length
  return length
}

/** Builds Portable Text for one document; share `keys` with the rest of the document. */
export class PortableTextWriter {
  readonly #text: TextGenerator
  readonly #keys: KeyMaker

  constructor(text: TextGenerator, keys: KeyMaker) {
    this.#text = text
    this.#keys = keys
  }

  block(text: string, style: Block['style'] = 'normal', marks: string[] = []): Block {
    return {
      _type: 'block',
      _key: this.#keys.next(),
      style,
      markDefs: [],
      children: [this.span(text, marks)],
    }
  }

  span(text: string, marks: string[] = []): Span {
    return { _type: 'span', _key: this.#keys.next(), text, marks }
  }

  /**
   * A body of `minChars`–`maxChars` characters of span text: an opening paragraph, then paragraphs,
   * optionally under h2 headings, with at most one list, one link and one image.
   */
  body(options: BodyOptions): PortableTextMember[] {
    const random = this.#text.random
    const { minChars, maxChars } = options
    // Two uniform draws: lengths cluster in the middle of the range, as real articles do.
    const target = Math.round(minChars + ((random.next() + random.next()) / 2) * (maxChars - minChars))
    const blocks: PortableTextMember[] = []
    let length = 0
    const room = () => maxChars - length
    const addParagraph = (lead = ''): Block | undefined => {
      const budget = Math.min(room(), random.int(80, 260))
      if (lead.length >= room()) return undefined
      const text = lead + this.#text.paragraph(budget - lead.length, room() - lead.length)
      if (!text) return undefined
      const block = this.block(text)
      blocks.push(block)
      length += text.length
      return block
    }

    addParagraph(options.lead)
    if (options.image) blocks.push({ ...options.image, _key: this.#keys.next() })

    let sectionsLeft = options.headings ? random.int(2, 3) : 0
    let sectionNumber = 1
    let listPending = options.list ?? false
    let paragraphsSinceHeading = 0
    let stalls = 0
    while ((length < target || length < minChars) && stalls < 6) {
      const before = length
      if (sectionsLeft > 0 && (paragraphsSinceHeading >= 1 || blocks.length <= 2) && room() > 120) {
        const heading = this.#text.heading(sectionNumber++)
        blocks.push(this.block(heading, 'h2'))
        length += heading.length
        sectionsLeft--
        paragraphsSinceHeading = 0
      }
      if (listPending && blocks.length >= 2 && room() > 160) {
        listPending = false
        const listItem = random.chance(0.5) ? 'bullet' : 'number'
        for (let i = random.int(3, 5); i > 0; i--) {
          const item = this.#text.listItem()
          if (item.length > room()) break
          blocks.push({ ...this.block(item), listItem, level: 1 })
          length += item.length
        }
      } else if (random.chance(0.08) && room() > 100) {
        const quote = this.#text.quotation()
        if (quote.length <= room()) {
          blocks.push(this.block(quote, 'blockquote'))
          length += quote.length
        }
      } else {
        addParagraph()
        paragraphsSinceHeading++
      }
      stalls = length === before ? stalls + 1 : 0
    }

    if (options.link) this.#appendLink(blocks, options.link, maxChars - length)
    this.#emphasise(blocks)
    return blocks
  }

  /** Ends the last paragraph with “详情请见<link>。” when it fits. */
  #appendLink(blocks: PortableTextMember[], link: { href: string; text: string }, room: number): void {
    const intro = this.#text.random.pick(LINK_INTROS)
    if (intro.length + link.text.length + 1 > room) return
    const last = [...blocks]
      .reverse()
      .find((b): b is Block => b._type === 'block' && b.style === 'normal' && !b.listItem)
    if (!last) return
    const linkKey = this.#keys.next()
    last.markDefs.push({ _type: 'link', _key: linkKey, href: link.href })
    last.children[last.children.length - 1]!.text += intro
    last.children.push(this.span(link.text, [linkKey]), this.span('。'))
  }

  /** Now and then a bold lead-in or an emphasised phrase, as editors add them. */
  #emphasise(blocks: PortableTextMember[]): void {
    const random = this.#text.random
    if (!random.chance(0.2)) return
    const candidates = blocks.filter(
      (b): b is Block =>
        b._type === 'block' && b.style === 'normal' && !b.listItem && b.children.length === 1,
    )
    if (candidates.length === 0) return
    const block = random.pick(candidates)
    const [span] = block.children
    const cut = span!.text.indexOf('，')
    if (cut <= 0 || cut > 30) return
    const mark = random.chance(0.8) ? 'strong' : 'em'
    block.children = [this.span(span!.text.slice(0, cut), [mark]), this.span(span!.text.slice(cut))]
  }

  /** A few short paragraphs: editor's notes, how-to-give instructions. */
  shortText(paragraphs: readonly string[]): Block[] {
    return paragraphs.map((text) => this.block(text))
  }
}
