import type { SanityDocumentLike } from 'sanity'
import { permalinkFor } from '../schemas/lib/permalinks.ts'

/**
 * The public page of a document (“在网站上查看”). Drafts open on the preview deployment when one is
 * configured; without it they link to the page they will have once published.
 */
export function productionUrlFor(
  document: SanityDocumentLike,
  { siteUrl, previewUrl }: { siteUrl: string; previewUrl?: string },
): string | undefined {
  const slug = (document.slug as { current?: unknown } | undefined)?.current
  if (typeof slug !== 'string') return undefined
  const path = permalinkFor(document._type, slug)
  if (!path) return undefined
  const isDraft = document._id.startsWith('drafts.') || document._id.startsWith('versions.')
  return new URL(path, isDraft && previewUrl ? previewUrl : siteUrl).href
}
