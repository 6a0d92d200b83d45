import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro'
import { calendarResponse, collegeEvents } from '../../../lib/calendar.ts'
import { getColleges, getEvents } from '../../../lib/siteData.ts'
import { pagePath } from '../../../../schemas/lib/permalinks.ts'

// Only colleges with events get a calendar; their pages link it.
export const getStaticPaths = (async () => {
  const [colleges, events] = await Promise.all([getColleges(), getEvents()])
  return colleges
    .map((college) => ({
      params: { slug: college.slug },
      props: { college, events: collegeEvents(events, college._id) },
    }))
    .filter(({ props }) => props.events.length > 0)
}) satisfies GetStaticPaths

type Props = InferGetStaticPropsType<typeof getStaticPaths>

export const GET: APIRoute<Props> = ({ props: { college, events } }) =>
  calendarResponse({ name: `${college.name}校友活动`, path: pagePath('college', college.slug), events })
