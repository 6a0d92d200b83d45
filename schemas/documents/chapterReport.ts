import { ClipboardIcon } from '@sanity/icons/Clipboard'
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
import { subtitle } from '../lib/preview.ts'

export const chapterReport = defineType({
  name: 'chapterReport',
  title: '校友会动态',
  description: '各地、各行业校友会的活动报道',
  type: 'document',
  icon: ClipboardIcon,
  fields: [
    titleField(),
    slugField(),
    publishedAtField(),
    defineField({
      name: 'chapter',
      title: '校友会',
      type: 'reference',
      to: [{ type: 'chapter' }],
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'eventDate', title: '活动日期', type: 'date' }),
    defineField({ name: 'location', title: '地点', type: 'string' }),
    defineField({
      name: 'attendees',
      title: '参加人数',
      type: 'number',
      validation: (rule) => rule.integer().min(0),
    }),
    excerptField(),
    coverField(),
    defineField({
      name: 'gallery',
      title: '活动照片',
      type: 'array',
      of: [defineArrayMember({ type: 'imageWithAlt' })],
      options: { layout: 'grid' },
    }),
    bodyField(),
    collegesField(),
  ],
  orderings: [
    { title: '活动日期（新→旧）', name: 'eventDateDesc', by: [{ field: 'eventDate', direction: 'desc' }] },
  ],
  preview: {
    select: { title: 'title', chapter: 'chapter.name', eventDate: 'eventDate', media: 'cover' },
    prepare: ({ title, chapter, eventDate, media }) => ({
      title,
      subtitle: subtitle(chapter, typeof eventDate === 'string' ? eventDate : undefined),
      media,
    }),
  },
})
