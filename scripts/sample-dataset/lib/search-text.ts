/**
 * The text a reader (and therefore the site search) can see on a document's page, following the publishing rules:
 * no internal contact, no anonymous donor's name, no hidden amount. Used to verify the golden search list.
 */
import type { Doc } from './documents.ts'
import { plainText, type PortableText } from './portable-text.ts'

const str = (v: unknown) => (typeof v === 'string' ? v : '')
const portableText = (v: unknown) => plainText(v as PortableText | undefined)
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string').join('\n') : '')

export function visibleText(doc: Doc): string {
  const parts: string[] = []
  switch (doc._type) {
    case 'article':
      parts.push(str(doc.title), str(doc.excerpt), portableText(doc.body), list(doc.tags))
      break
    case 'alumnusProfile':
      parts.push(
        str(doc.name),
        str(doc.headline),
        str(doc.major),
        str(doc.excerpt),
        portableText(doc.body),
        list(doc.achievements),
      )
      break
    case 'donationProject':
      parts.push(
        str(doc.title),
        str(doc.excerpt),
        str(doc.designatedUse),
        portableText(doc.body),
        portableText(doc.howToGive),
      )
      break
    case 'donationStory': {
      const donor = doc.donor as { displayName?: string; anonymous?: boolean }
      parts.push(
        str(doc.title),
        str(doc.excerpt),
        portableText(doc.body),
        donor.anonymous ? '匿名校友' : str(donor.displayName),
      )
      break
    }
    case 'chapterReport':
      parts.push(str(doc.title), str(doc.excerpt), str(doc.location), portableText(doc.body))
      break
    case 'event':
      parts.push(str(doc.title), str(doc.excerpt), str(doc.location), portableText(doc.body))
      break
    case 'newsletterIssue':
      parts.push(
        str(doc.title),
        portableText(doc.editorNote),
        ...(doc.sections as Array<{ title: string }>).map((section) => section.title),
      )
      break
    case 'college':
    case 'chapter':
      parts.push(str(doc.name), str(doc.region), str(doc.description))
      break
    default:
      return ''
  }
  return parts.filter(Boolean).join('\n')
}

/** Every string anywhere in a document (including internal fields): for leak checks. */
export function allText(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(allText).join('\n')
  if (value && typeof value === 'object') return Object.values(value).map(allText).join('\n')
  return ''
}
