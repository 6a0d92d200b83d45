import { CalendarIcon } from '@sanity/icons/Calendar'
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

export const event = defineType({
  name: 'event',
  title: '活动',
  description: '即将举办的校友活动，网站提供日历订阅',
  type: 'document',
  icon: CalendarIcon,
  fields: [
    titleField(),
    slugField(),
    publishedAtField(),
    defineField({
      name: 'startsAt',
      title: '开始时间',
      type: 'datetime',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'endsAt',
      title: '结束时间',
      type: 'datetime',
      validation: (rule) =>
        rule.custom((endsAt, context) => {
          const startsAt = (context.document as { startsAt?: string } | undefined)?.startsAt
          if (!endsAt || !startsAt) return true
          return Date.parse(endsAt) > Date.parse(startsAt) || '结束时间必须晚于开始时间'
        }),
    }),
    defineField({ name: 'location', title: '地点', type: 'string' }),
    defineField({
      name: 'onlineUrl',
      title: '线上参与链接',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }),
    }),
    defineField({
      name: 'organizers',
      title: '主办方',
      type: 'array',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'chapter' }, { type: 'college' }] })],
      validation: (rule) => rule.unique(),
    }),
    defineField({
      name: 'registrationUrl',
      title: '报名链接',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }),
    }),
    excerptField(),
    coverField(),
    bodyField(),
    collegesField(),
  ],
  orderings: [
    { title: '开始时间（新→旧）', name: 'startsAtDesc', by: [{ field: 'startsAt', direction: 'desc' }] },
  ],
  preview: {
    select: { title: 'title', startsAt: 'startsAt', location: 'location', media: 'cover' },
    prepare: ({ title, startsAt, location, media }) => ({
      title,
      subtitle: subtitle(previewDate(startsAt), location),
      media,
    }),
  },
})
