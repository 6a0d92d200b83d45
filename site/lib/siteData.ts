import { fetchQuery } from './content.ts'
import {
  alumnusProfilesQuery,
  articlesQuery,
  chapterReportsQuery,
  chaptersQuery,
  collegesQuery,
  donationProjectsQuery,
  donationStoriesQuery,
  eventsQuery,
  newsletterIssuesQuery,
  siteSettingsQuery,
} from './queries.ts'
import type {
  AlumnusProfilesQueryResult,
  ArticlesQueryResult,
  ChapterReportsQueryResult,
  ChaptersQueryResult,
  CollegesQueryResult,
  DonationProjectsQueryResult,
  DonationStoriesQueryResult,
  EventsQueryResult,
  NewsletterIssuesQueryResult,
  SiteSettingsQueryResult,
} from './sanity.types.ts'
import { buildTime } from './buildClock.ts'
import { hasPermalink, pagePath } from '../../schemas/lib/permalinks.ts'

export type SiteSettings = NonNullable<SiteSettingsQueryResult>
export type College = CollegesQueryResult[number]
export type Chapter = ChaptersQueryResult[number]
export type Article = ArticlesQueryResult[number]
export type AlumnusProfile = AlumnusProfilesQueryResult[number]
export type DonationProject = DonationProjectsQueryResult[number]
export type DonationStory = DonationStoriesQueryResult[number]
export type ChapterReport = ChapterReportsQueryResult[number]
export type SiteEvent = EventsQueryResult[number]
export type NewsletterIssue = NewsletterIssuesQueryResult[number]
export type ContentDocument =
  Article | AlumnusProfile | DonationProject | DonationStory | ChapterReport | SiteEvent
type CardField =
  | '_id'
  | '_type'
  | 'title'
  | 'slug'
  | 'publishedAt'
  | 'excerpt'
  | 'cover'
  | 'colleges'
  | 'category'
  | 'classYear'
  | 'headline'
  | 'startsAt'
  | 'location'
  | 'status'
/** Picks from each member of a union separately, so `_type` still tells the members apart. */
type CardOf<Document> = Document extends unknown ? Pick<Document, CardField & keyof Document> : never
/** The fields every list, card and newsletter item shares (the queries' `cardFields`). */
export type Card = CardOf<ContentDocument>

/**
 * Each query runs once per build; pages receive what they need through getStaticPaths props.
 * Memoised at module level because Astro renders every page of a build in one process.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined
  return () => (result ??= load())
}

const DEFAULT_SETTINGS: SiteSettings = {
  title: '校友总会',
  tagline: null,
  description: null,
  logo: null,
  accentColor: null,
  contact: null,
  channels: null,
}

export const getSiteSettings = once(
  async () => (await fetchQuery<SiteSettingsQueryResult>(siteSettingsQuery)) ?? DEFAULT_SETTINGS,
)
export const getColleges = once(() => fetchQuery<CollegesQueryResult>(collegesQuery))
export const getChapters = once(() => fetchQuery<ChaptersQueryResult>(chaptersQuery))
export const getArticles = once(() => fetchQuery<ArticlesQueryResult>(articlesQuery))
export const getAlumnusProfiles = once(() => fetchQuery<AlumnusProfilesQueryResult>(alumnusProfilesQuery))
export const getDonationProjects = once(() => fetchQuery<DonationProjectsQueryResult>(donationProjectsQuery))
export const getDonationStories = once(() => fetchQuery<DonationStoriesQueryResult>(donationStoriesQuery))
export const getChapterReports = once(() => fetchQuery<ChapterReportsQueryResult>(chapterReportsQuery))
export const getEvents = once(() => fetchQuery<EventsQueryResult>(eventsQuery))
export const getNewsletterIssues = once(() => fetchQuery<NewsletterIssuesQueryResult>(newsletterIssuesQuery))

/** Everything publishable, newest first: the source of feeds, class pages, college columns and related stories. */
export const getAllContent = once(async (): Promise<ContentDocument[]> => {
  const groups = await Promise.all([
    getArticles(),
    getAlumnusProfiles(),
    getDonationProjects(),
    getDonationStories(),
    getChapterReports(),
    getEvents(),
  ])
  return groups.flat().sort(byNewest)
})

/**
 * Each chapter's reports and the events it organises, in one pass over both lists: the chapter page, its feed and
 * its calendar all take their lists from here.
 */
export const getChapterActivity = once(async () => {
  const [reports, events] = await Promise.all([getChapterReports(), getEvents()])
  const byChapter = new Map<string, { reports: ChapterReport[]; events: SiteEvent[] }>()
  const entry = (chapterId: string) => {
    let activity = byChapter.get(chapterId)
    if (!activity) byChapter.set(chapterId, (activity = { reports: [], events: [] }))
    return activity
  }
  for (const report of reports) if (report.chapter) entry(report.chapter._id).reports.push(report)
  for (const event of events) {
    for (const chapterId of new Set(event.organizers?.map((organizer) => organizer._id)))
      entry(chapterId).events.push(event)
  }
  return (chapterId: string) => byChapter.get(chapterId) ?? { reports: [], events: [] }
})

/** 届 pages and feeds: profiles by their class year, donation stories by the donor's (anonymous donors have none). */
export const getContentByClassYear = once(async (): Promise<Map<number, ContentDocument[]>> => {
  const [content, stories] = await Promise.all([getAllContent(), getDonationStories()])
  const byYear = new Map<number, Set<ContentDocument>>()
  const add = (year: number | null | undefined, document: ContentDocument) => {
    if (!year) return
    byYear.set(year, (byYear.get(year) ?? new Set()).add(document))
  }
  for (const document of content) add(document.classYear, document)
  for (const story of stories) add(story.donor?.classYear, story)
  return new Map([...byYear].map(([year, documents]) => [year, [...documents].sort(byNewest)]))
})

/** Milliseconds since the epoch; a missing or unreadable date-time counts as the oldest. */
function instantOf(dateTime: string | null | undefined): number {
  const instant = dateTime ? Date.parse(dateTime) : Number.NaN
  return Number.isNaN(instant) ? -Infinity : instant
}

export function byNewest(a: { publishedAt: string | null }, b: { publishedAt: string | null }): number {
  const first = instantOf(a.publishedAt)
  const second = instantOf(b.publishedAt)
  return first === second ? 0 : first > second ? -1 : 1
}

export function hrefFor(document: { _type: string; slug: string | null }): string {
  if (!hasPermalink(document._type)) throw new Error(`documents of type "${document._type}" have no page`)
  return pagePath(document._type, document.slug ?? '')
}

/** An issue's number as every page, feed and edition prints it: 2025年 第1期. */
export function issueLabel(issue: Pick<NewsletterIssue, 'volume' | 'number'>): string {
  return `${issue.volume}年 第${issue.number}期`
}

type IssueSection = NonNullable<NewsletterIssue['sections']>[number]
type FilledSection = IssueSection & { items: NonNullable<IssueSection['items']> }

/** The sections of an issue that have at least one published item, in the editor's order. */
export function editionSections(issue: NewsletterIssue): FilledSection[] {
  return (issue.sections ?? []).filter(
    (section): section is FilledSection => section.items !== null && section.items.length > 0,
  )
}

/** A donation project still raising money; completed and closed ones are listed apart. */
export function isRaising(project: DonationProject): boolean {
  return project.status === 'open'
}

/** An event that has not ended (or, without an end, not started) by the build clock. */
export function isUpcoming(event: { startsAt: string | null; endsAt?: string | null }): boolean {
  return instantOf(event.endsAt ?? event.startsAt) >= buildTime().getTime()
}

/** Documents that mention a college, for its alumni column. */
export function mentionsCollege(
  document: { colleges: Array<{ _id: string } | null> | null },
  collegeId: string,
): boolean {
  return document.colleges?.some((college) => college?._id === collegeId) ?? false
}

/**
 * Related stories: documents sharing tags (strongest), colleges or the category, newest first. An inverted index
 * built once per list keeps the cost per page constant: each key contributes only its most recent candidates,
 * so a 20k-document build never compares every page with every other.
 */
export function createRelatedIndex<T extends ContentDocument>(pool: T[], candidatesPerKey = 24) {
  const byKey = new Map<string, T[]>()
  const keysOf = (document: T) => {
    const keys: Array<[string, number]> = []
    for (const tag of ('tags' in document ? document.tags : null) ?? []) keys.push([`tag:${tag}`, 3])
    for (const college of document.colleges ?? []) if (college) keys.push([`college:${college._id}`, 2])
    if ('category' in document && document.category) keys.push([`category:${document.category}`, 1])
    return keys
  }
  const newestFirst = [...pool].sort(byNewest)
  // Ties between equally related candidates go to the newer one: its place in newestFirst, found once.
  const recency = new Map(newestFirst.map((document, index) => [document, index]))
  for (const document of newestFirst) {
    for (const [key] of keysOf(document)) {
      const list = byKey.get(key) ?? []
      if (list.length < candidatesPerKey) list.push(document)
      byKey.set(key, list)
    }
  }
  return function relatedTo(document: T, limit = 3): T[] {
    const scores = new Map<T, number>()
    for (const [key, weight] of keysOf(document)) {
      for (const candidate of byKey.get(key) ?? []) {
        if (candidate._id !== document._id) scores.set(candidate, (scores.get(candidate) ?? 0) + weight)
      }
    }
    return [...scores]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || recency.get(a)! - recency.get(b)!)
      .slice(0, limit)
      .map(([candidate]) => candidate)
  }
}

export function paginate<T>(items: T[], pageSize: number): T[][] {
  const pages: T[][] = []
  for (let start = 0; start < items.length; start += pageSize)
    pages.push(items.slice(start, start + pageSize))
  return pages.length > 0 ? pages : [[]]
}
