import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro'
import { rssResponse } from '../../../lib/feeds.ts'
import { getChapterActivity, getChapters } from '../../../lib/siteData.ts'
import { pagePath } from '../../../../schemas/lib/permalinks.ts'

export const getStaticPaths = (async () => {
  const [chapters, activityOf] = await Promise.all([getChapters(), getChapterActivity()])
  return chapters.map((chapter) => ({
    params: { slug: chapter.slug },
    props: {
      chapter,
      items: [...activityOf(chapter._id).reports, ...activityOf(chapter._id).events],
    },
  }))
}) satisfies GetStaticPaths

type Props = InferGetStaticPropsType<typeof getStaticPaths>

export const GET: APIRoute<Props> = ({ props: { chapter, items } }) =>
  rssResponse({
    title: `${chapter.name}动态`,
    description: chapter.description,
    path: pagePath('chapter', chapter.slug),
    items,
  })
