import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro'
import { rssResponse } from '../../../lib/feeds.ts'
import { getAllContent, getColleges, mentionsCollege } from '../../../lib/siteData.ts'
import { pagePath } from '../../../../schemas/lib/permalinks.ts'

export const getStaticPaths = (async () => {
  const [colleges, content] = await Promise.all([getColleges(), getAllContent()])
  return colleges.map((college) => ({
    params: { slug: college.slug },
    props: { college, items: content.filter((item) => mentionsCollege(item, college._id)) },
  }))
}) satisfies GetStaticPaths

type Props = InferGetStaticPropsType<typeof getStaticPaths>

export const GET: APIRoute<Props> = ({ props: { college, items } }) =>
  rssResponse({
    title: `${college.name}校友动态`,
    description: college.description,
    path: pagePath('college', college.slug),
    items,
  })
