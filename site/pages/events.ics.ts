import type { APIRoute } from 'astro'
import { calendarResponse } from '../lib/calendar.ts'
import { getEvents, getSiteSettings } from '../lib/siteData.ts'
import { sectionPaths } from '../../schemas/lib/permalinks.ts'

export const GET: APIRoute = async () => {
  const [settings, events] = await Promise.all([getSiteSettings(), getEvents()])
  return calendarResponse({ name: `${settings.title}校友活动`, path: sectionPaths.events, events })
}
