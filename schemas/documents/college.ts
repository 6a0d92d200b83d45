import { CaseIcon } from '@sanity/icons/Case'
import { defineField, defineType } from 'sanity'
import { coverField, slugField, titleField } from '../lib/fields.ts'

export const college = defineType({
  name: 'college',
  title: '学院',
  type: 'document',
  icon: CaseIcon,
  fields: [
    titleField({ name: 'name', title: '学院名称' }),
    slugField('name'),
    defineField({
      name: 'shortName',
      title: '简称',
      description: '用于导航和标签，例如“建院”',
      type: 'string',
    }),
    defineField({ name: 'description', title: '学院简介', type: 'text', rows: 4 }),
    coverField(),
    defineField({
      name: 'order',
      title: '排序',
      description: '数字越小越靠前',
      type: 'number',
      validation: (rule) => rule.integer(),
    }),
    defineField({ name: 'contact', title: '校友工作联系方式', type: 'publicContact' }),
  ],
  orderings: [
    {
      title: '按排序',
      name: 'orderAsc',
      by: [
        { field: 'order', direction: 'asc' },
        { field: 'name', direction: 'asc' },
      ],
    },
  ],
  preview: {
    select: { title: 'name', shortName: 'shortName', slug: 'slug.current', media: 'cover' },
    prepare: ({ title, shortName, slug, media }) => ({
      title,
      subtitle: [shortName, slug].filter(Boolean).join(' · '),
      media,
    }),
  },
})
