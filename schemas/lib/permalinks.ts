/**
 * Public permalinks, shared by the Studio (production URLs) and the site (links, sitemaps, feeds).
 * Paths end with a slash, like the pages Astro builds.
 */
const pathPrefixByType = {
  article: '/articles/',
  alumnusProfile: '/alumni/',
  donationProject: '/giving/projects/',
  donationStory: '/giving/stories/',
  chapterReport: '/reports/',
  event: '/events/',
  newsletterIssue: '/newsletter/',
  college: '/colleges/',
  chapter: '/chapters/',
} as const satisfies Record<string, string>

export type PermalinkType = keyof typeof pathPrefixByType

export const permalinkTypes = Object.keys(pathPrefixByType) as PermalinkType[]

export function hasPermalink(type: string): type is PermalinkType {
  return Object.hasOwn(pathPrefixByType, type)
}

/** Site-relative path of a document's public page, or `undefined` when the type has no page or the slug is empty. */
export function permalinkFor(type: string, slug: string): string | undefined {
  if (!hasPermalink(type) || !slug) return undefined
  return `${pathPrefixByType[type]}${encodeURIComponent(slug)}/`
}
