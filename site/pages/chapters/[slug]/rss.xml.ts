import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro'
import { chapterEvents } from '../../../lib/calendar.ts'
import { rssResponse } from '../../../lib/feeds.ts'
import { getChapterReports, getChapters, getEvents } from '../../../lib/siteData.ts'

export const getStaticPaths = (async () => {
  const [chapters, reports, events] = await Promise.all([getChapters(), getChapterReports(), getEvents()])
  return chapters.map((chapter) => ({
    params: { slug: chapter.slug! },
    props: {
      chapter,
      items: [
        ...reports.filter((report) => report.chapter?._id === chapter._id),
        ...chapterEvents(events, chapter._id),
      ],
    },
  }))
}) satisfies GetStaticPaths

type Props = InferGetStaticPropsType<typeof getStaticPaths>

export const GET: APIRoute<Props> = ({ props: { chapter, items } }) =>
  rssResponse({
    title: `${chapter.name}动态`,
    description: chapter.description,
    path: `/chapters/${chapter.slug}/`,
    items,
  })
