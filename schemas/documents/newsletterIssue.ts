import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { NEWSLETTER_ITEMS_MAX } from '../lib/contentRules.ts'
import { coverField, publishedAtField, slugField, titleField } from '../lib/fields.ts'
import { previewDate, subtitle } from '../lib/preview.ts'

export const newsletterIssue = defineType({
  name: 'newsletterIssue',
  title: '校友通讯',
  type: 'document',
  icon: EnvelopeIcon,
  fields: [
    titleField({ description: '例如“2026 年第 3 期 · 春季返校特刊”' }),
    slugField(),
    defineField({
      name: 'volume',
      title: '年份（卷）',
      type: 'number',
      initialValue: () => new Date().getFullYear(),
      validation: (rule) => rule.required().integer().min(1950).max(2100),
    }),
    defineField({
      name: 'number',
      title: '期号',
      description: '当年第几期',
      type: 'number',
      validation: (rule) => rule.required().integer().min(1),
    }),
    publishedAtField(),
    coverField(),
    defineField({ name: 'editorNote', title: '编者按', type: 'portableText' }),
    defineField({
      name: 'sections',
      title: '栏目',
      type: 'array',
      of: [defineArrayMember({ type: 'newsletterSection' })],
      validation: (rule) => [
        rule.required().min(1),
        rule
          .custom((sections: Array<{ items?: unknown }> | undefined) => {
            const items = (sections ?? []).reduce(
              (sum, section) => sum + (Array.isArray(section?.items) ? section.items.length : 0),
              0,
            )
            return (
              items <= NEWSLETTER_ITEMS_MAX ||
              `本期共收录 ${items} 篇，超过 ${NEWSLETTER_ITEMS_MAX} 篇，邮件和打印版会过长`
            )
          })
          .warning(),
      ],
    }),
  ],
  orderings: [
    {
      title: '期号（新→旧）',
      name: 'issueDesc',
      by: [
        { field: 'volume', direction: 'desc' },
        { field: 'number', direction: 'desc' },
      ],
    },
  ],
  preview: {
    select: {
      title: 'title',
      volume: 'volume',
      number: 'number',
      publishedAt: 'publishedAt',
      media: 'cover',
    },
    prepare: ({ title, volume, number, publishedAt, media }) => ({
      title,
      subtitle: subtitle(
        volume && number ? `${volume} 年第 ${number} 期` : undefined,
        previewDate(publishedAt),
      ),
      media,
    }),
  },
})
