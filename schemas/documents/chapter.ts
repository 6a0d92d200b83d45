import { UsersIcon } from '@sanity/icons/Users'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { coverField, slugField, titleField } from '../lib/fields.ts'
import { chapterKinds, labelOf, studioList } from '../lib/options.ts'

export const chapter = defineType({
  name: 'chapter',
  title: '校友会',
  type: 'document',
  icon: UsersIcon,
  fields: [
    titleField({ name: 'name', title: '校友会名称' }),
    slugField('name'),
    defineField({
      name: 'kind',
      title: '类型',
      type: 'string',
      options: { list: studioList(chapterKinds), layout: 'radio', direction: 'horizontal' },
      initialValue: 'regional',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'region',
      title: '地区',
      description: '省·市，例如“广东·深圳”',
      type: 'string',
    }),
    defineField({
      name: 'college',
      title: '所属学院',
      description: '院系校友会必填',
      type: 'reference',
      to: [{ type: 'college' }],
      validation: (rule) =>
        rule.custom((college, context) => {
          const kind = (context.document as { kind?: string } | undefined)?.kind
          return kind !== 'college' || Boolean(college) || '院系校友会需要选择所属学院'
        }),
    }),
    defineField({ name: 'foundedAt', title: '成立日期', type: 'date' }),
    defineField({ name: 'description', title: '简介', type: 'text', rows: 4 }),
    defineField({
      name: 'channels',
      title: '联络渠道',
      type: 'array',
      of: [defineArrayMember({ type: 'contactChannel' })],
    }),
    coverField(),
  ],
  preview: {
    select: { title: 'name', kind: 'kind', region: 'region', college: 'college.name', media: 'cover' },
    prepare: ({ title, kind, region, college, media }) => ({
      title,
      subtitle: [labelOf(chapterKinds, kind), region, college].filter(Boolean).join(' · '),
      media,
    }),
  },
})
