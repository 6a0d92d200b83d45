/**
 * A tiny markup → Portable Text converter, so the content modules read like prose instead of JSON.
 *
 * Blocks are separated by blank lines (list items by single line breaks):
 *   ## 小标题            → style h2        ### 小标题 → style h3
 *   > 引文               → style blockquote
 *   - 条目 / 1. 条目     → listItem bullet / number
 *   ![替代文字](image-key '图片说明')   → imageWithAlt (empty alt = the image's default alt)
 *   anything else        → style normal
 * Inline: **加粗**, *强调* or _强调_, [链接文字](https://…)
 */

export interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}

export interface LinkDef {
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
  markDefs: LinkDef[]
  children: Span[]
}

export interface ImageBlock {
  _type: 'imageWithAlt'
  _key: string
  _sanityAsset: string
  alt: string
  caption?: string
}

export type PortableText = Array<Block | ImageBlock>

/** Resolves an image key from the image registry into an exported imageWithAlt value. */
export type ImageResolver = (key: string, alt?: string, caption?: string) => Omit<ImageBlock, '_key'>

// Emphasis as *强调* or _强调_ (Prettier writes the latter); an underscore inside a word is just text.
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|(?<![\w])_(.+?)_(?![\w])|\[([^\]]+)\]\(([^)\s]+)\)/g

function inline(text: string, newKey: () => string, where: string): Pick<Block, 'markDefs' | 'children'> {
  const markDefs: LinkDef[] = []
  const children: Span[] = []
  const push = (t: string, marks: string[]) => {
    if (t) children.push({ _type: 'span', _key: newKey(), text: t, marks })
  }
  let last = 0
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(last, m.index), [])
    const emphasis = m[2] ?? m[3]
    if (m[1] !== undefined) push(m[1], ['strong'])
    else if (emphasis !== undefined) push(emphasis, ['em'])
    else {
      const href = m[5]
      if (!href.startsWith('https://')) throw new Error(`${where}: link "${href}" must be an https URL`)
      const def: LinkDef = { _type: 'link', _key: newKey(), href }
      markDefs.push(def)
      push(m[4], [def._key])
    }
    last = m.index + m[0].length
  }
  push(text.slice(last), [])
  if (children.length === 0) throw new Error(`${where}: empty block`)
  return { markDefs, children }
}

// The caption may be quoted either way (Prettier writes single quotes in the content files).
const IMAGE_LINE = /^!\[([^\]]*)\]\(([a-z0-9-]+)(?:\s+(?:"([^"]+)"|'([^']+)'))?\)$/

export function portableText(
  markup: string,
  newKey: () => string,
  resolveImage: ImageResolver,
  where: string,
): PortableText {
  const out: PortableText = []
  const paragraphs = markup
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)

  for (const para of paragraphs) {
    const lines = para.split('\n').map((l) => l.trim())
    const image = lines.length === 1 ? IMAGE_LINE.exec(lines[0]) : null
    if (image) {
      const [, alt, key, doubleQuoted, singleQuoted] = image
      out.push({ ...resolveImage(key, alt || undefined, doubleQuoted ?? singleQuoted), _key: newKey() })
      continue
    }
    if (lines.every((l) => /^- /.test(l)) || lines.every((l) => /^\d+\. /.test(l))) {
      const listItem = lines[0].startsWith('- ') ? 'bullet' : 'number'
      for (const line of lines) {
        const text = line.replace(/^(- |\d+\. )/, '')
        out.push({
          _type: 'block',
          _key: newKey(),
          style: 'normal',
          listItem,
          level: 1,
          ...inline(text, newKey, where),
        })
      }
      continue
    }
    const text = lines.join('')
    let style: Block['style'] = 'normal'
    let body = text
    if (text.startsWith('### ')) [style, body] = ['h3', text.slice(4)]
    else if (text.startsWith('## ')) [style, body] = ['h2', text.slice(3)]
    else if (text.startsWith('> '))
      [style, body] = ['blockquote', lines.map((l) => l.replace(/^> ?/, '')).join('')]
    if (/^(- |\d+\. )/m.test(para) && style === 'normal') {
      throw new Error(`${where}: a list must not be mixed with other lines: "${para.slice(0, 40)}…"`)
    }
    // Keys come from the factory in document order, so the block key is taken before its spans'.
    const key = newKey()
    out.push({ _type: 'block', _key: key, style, ...inline(body, newKey, where) })
  }
  return out
}

/** Plain text of a Portable Text value (for length checks and the search golden list). */
export function plainText(value: PortableText | undefined): string {
  if (!value) return ''
  return value
    .map((block) =>
      block._type === 'block' ? block.children.map((span) => span.text).join('') : (block.caption ?? ''),
    )
    .join('\n')
}
