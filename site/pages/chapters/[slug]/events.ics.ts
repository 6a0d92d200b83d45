import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro'
import { calendarResponse } from '../../../lib/calendar.ts'
import { getChapterActivity, getChapters } from '../../../lib/siteData.ts'
import { pagePath } from '../../../../schemas/lib/permalinks.ts'

// Only chapters with events get a calendar; their pages link it.
export const getStaticPaths = (async () => {
  const [chapters, activityOf] = await Promise.all([getChapters(), getChapterActivity()])
  return chapters
    .map((chapter) => ({
      params: { slug: chapter.slug },
      props: { chapter, events: activityOf(chapter._id).events },
    }))
    .filter(({ props }) => props.events.length > 0)
}) satisfies GetStaticPaths

type Props = InferGetStaticPropsType<typeof getStaticPaths>

export const GET: APIRoute<Props> = ({ props: { chapter, events } }) =>
  calendarResponse({ name: `${chapter.name}活动`, path: pagePath('chapter', chapter.slug), events })
