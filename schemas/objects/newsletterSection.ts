import { ThListIcon } from '@sanity/icons/ThList'
import { defineArrayMember, defineField, defineType, type Reference } from 'sanity'
import { SANITY_API_VERSION } from '../lib/sanityApi.ts'

/** The Studio should never hang on an editorial hint; give up quietly after this long. */
const LOOKUP_TIMEOUT_MS = 5000

export const newsletterItemTypes = [
  'article',
  'alumnusProfile',
  'donationStory',
  'chapterReport',
  'event',
] as const

export const newsletterSection = defineType({
  name: 'newsletterSection',
  title: '通讯栏目',
  type: 'object',
  icon: ThListIcon,
  fields: [
    defineField({
      name: 'title',
      title: '栏目名称',
      description: '例如“校园动态”“校友风采”',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'items',
      title: '收录内容',
      type: 'array',
      of: [
        defineArrayMember({
          type: 'reference',
          to: newsletterItemTypes.map((type) => ({ type })),
        }),
      ],
      validation: (rule) => [
        rule.unique(),
        rule
          .custom(async (items: Reference[] | undefined, context) => {
            const ids = [...new Set((items ?? []).map((item) => item._ref).filter(Boolean))]
            if (ids.length === 0) return true
            const published = await findPublishedIds(ids, context.getClient)
            // `undefined` means the Content Lake could not be asked (offline, CLI, tests): no advice then.
            if (!published) return true
            const missing = ids.filter((id) => !published.has(id))
            return missing.length === 0
              ? true
              : `以下内容尚未发布，读者在本期通讯中看不到：${missing.join('、')}`
          })
          .warning(),
      ],
    }),
  ],
  preview: {
    select: { title: 'title', items: 'items' },
    prepare: ({ title, items }) => ({
      title: title || '（未命名栏目）',
      subtitle: `${Array.isArray(items) ? items.length : 0} 篇`,
    }),
  },
})

type ClientFactory = (options: { apiVersion: string }) => {
  fetch: <R>(query: string, params: Record<string, unknown>, options: { perspective: 'raw' }) => Promise<R>
}

async function findPublishedIds(ids: string[], getClient: ClientFactory): Promise<Set<string> | undefined> {
  try {
    const client = getClient({ apiVersion: SANITY_API_VERSION })
    const query = client.fetch<string[]>(
      '*[_id in $ids && defined(publishedAt) && dateTime(publishedAt) <= dateTime(now())]._id',
      { ids },
      { perspective: 'raw' },
    )
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS)
    })
    const result = await Promise.race([query, timeout]).finally(() => clearTimeout(timer))
    return Array.isArray(result) ? new Set(result) : undefined
  } catch {
    return undefined
  }
}
