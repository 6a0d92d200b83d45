import type { APIRoute } from 'astro'
import { rssResponse } from '../../lib/feeds.ts'
import { getNewsletterIssues } from '../../lib/siteData.ts'
import { sectionPaths } from '../../../schemas/lib/permalinks.ts'

export const GET: APIRoute = async () =>
  rssResponse({
    title: '校友通讯',
    description: '宣传母校、联系校友的专门刊物，每期的编者按与目录。',
    path: sectionPaths.newsletter,
    items: await getNewsletterIssues(),
  })
