import type { APIRoute } from 'astro'
import { rssResponse } from '../lib/feeds.ts'
import { getAllContent, getNewsletterIssues } from '../lib/siteData.ts'

export const GET: APIRoute = async () => {
  const [content, issues] = await Promise.all([getAllContent(), getNewsletterIssues()])
  return rssResponse({ path: '/', items: [...content, ...issues] })
}
