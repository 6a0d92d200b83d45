import type { APIRoute } from 'astro'
import { rssResponse } from '../../lib/feeds.ts'
import { getDonationProjects, getDonationStories } from '../../lib/siteData.ts'
import { sectionPaths } from '../../../schemas/lib/permalinks.ts'

export const GET: APIRoute = async () => {
  const [projects, stories] = await Promise.all([getDonationProjects(), getDonationStories()])
  return rssResponse({
    title: '校友捐赠',
    description: '捐赠项目与捐赠故事。',
    path: sectionPaths.giving,
    items: [...projects, ...stories],
  })
}
