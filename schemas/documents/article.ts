import { DocumentTextIcon } from '@sanity/icons/DocumentText'
import { defineArrayMember, defineField, defineType } from 'sanity'
import {
  bodyField,
  collegesField,
  coverField,
  excerptField,
  publishedAtField,
  slugField,
  titleField,
} from '../lib/fields.ts'
import { previewDate, subtitle } from '../lib/preview.ts'
import { articleCategories, labelOf, studioList } from '../lib/options.ts'

export const article = defineType({
  name: 'article',
  title: '文章',
  type: 'document',
  icon: DocumentTextIcon,
  fields: [
    titleField(),
    slugField(),
    publishedAtField(),
    defineField({
      name: 'category',
      title: '栏目',
      type: 'string',
      options: { list: studioList(articleCategories) },
      initialValue: 'news',
      validation: (rule) => rule.required(),
    }),
    excerptField(),
    coverField(),
    bodyField({ required: true }),
    collegesField(),
    defineField({
      name: 'tags',
      title: '标签',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
      options: { layout: 'tags' },
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'author',
      title: '作者',
      type: 'reference',
      to: [{ type: 'person' }],
    }),
    defineField({
      name: 'featured',
      title: '首页推荐',
      type: 'boolean',
      initialValue: false,
    }),
  ],
  orderings: [
    {
      title: '发布时间（新→旧）',
      name: 'publishedAtDesc',
      by: [{ field: 'publishedAt', direction: 'desc' }],
    },
  ],
  preview: {
    select: {
      title: 'title',
      publishedAt: 'publishedAt',
      category: 'category',
      featured: 'featured',
      media: 'cover',
    },
    prepare: ({ title, publishedAt, category, featured, media }) => ({
      title: featured ? `★ ${title}` : title,
      subtitle: subtitle(labelOf(articleCategories, category), previewDate(publishedAt)),
      media,
    }),
  },
})
