import type { APIRoute } from 'astro'
import { rssResponse } from '../../lib/feeds.ts'
import { getAlumnusProfiles } from '../../lib/siteData.ts'
import { sectionPaths } from '../../../schemas/lib/permalinks.ts'

export const GET: APIRoute = async () =>
  rssResponse({
    title: '校友风采',
    description: '各行各业校友的故事。',
    path: sectionPaths.alumni,
    items: await getAlumnusProfiles(),
  })
