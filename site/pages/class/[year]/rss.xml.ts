import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro'
import { rssResponse } from '../../../lib/feeds.ts'
import { getContentByClassYear } from '../../../lib/siteData.ts'
import { classYearPath } from '../../../../schemas/lib/permalinks.ts'

export const getStaticPaths = (async () => {
  const byYear = await getContentByClassYear()
  return [...byYear].map(([year, items]) => ({ params: { year: String(year) }, props: { year, items } }))
}) satisfies GetStaticPaths

type Props = InferGetStaticPropsType<typeof getStaticPaths>

export const GET: APIRoute<Props> = ({ props: { year, items } }) =>
  rssResponse({
    title: `${year}届校友`,
    description: `${year}届校友的风采与捐赠故事。`,
    path: classYearPath(year),
    items,
  })
