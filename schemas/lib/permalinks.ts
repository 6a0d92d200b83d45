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

/** A page of a type that has pages. Throws on an empty slug, which the content contract already rules out. */
export function pagePath(type: PermalinkType, slug: string): string {
  const path = permalinkFor(type, slug)
  if (!path) throw new Error(`a ${type} without a slug has no page`)
  return path
}

/** The site's section pages, which list documents rather than show one. */
export const sectionPaths = {
  home: '/',
  newsletter: '/newsletter/',
  articles: '/articles/',
  alumni: '/alumni/',
  giving: '/giving/',
  givingProjects: '/giving/projects/',
  chapters: '/chapters/',
  reports: '/reports/',
  events: '/events/',
  colleges: '/colleges/',
  search: '/search/',
  subscribe: '/subscribe/',
} as const satisfies Record<string, string>

/** Page N of a paginated list: page 1 is the list's own path, page N is `page/N/` under it (`/articles/page/2/`). */
export function listPagePath(listPath: string, page: number): string {
  return page === 1 ? listPath : `${listPath}page/${page}/`
}

/** The same rule as the `[...page]` parameter of a paginated list's route. */
export function listPageParam(page: number): string | undefined {
  return page === 1 ? undefined : `page/${page}`
}

/** The page of one class (届), e.g. `/class/1998/`. */
export function classYearPath(year: number): string {
  return `/class/${year}/`
}

/** One year of the honour roll (捐赠芳名录), e.g. `/giving/honour-roll/2025/`. */
export function honourRollPath(year: number): string {
  return `/giving/honour-roll/${year}/`
}

/** The RSS feed that follows a page: `/rss.xml` for the whole site, `<page>rss.xml` for a section or a college. */
export function feedPath(pagePath: string): string {
  return `${pagePath}rss.xml`
}

/** The iCalendar feed of a page's events: `/events.ics` for every event, `<page>events.ics` for a college or chapter. */
export function calendarPath(pagePath: string): string {
  return pagePath === sectionPaths.events ? '/events.ics' : `${pagePath}events.ics`
}
