import { HeartIcon } from '@sanity/icons/Heart'
import { defineField, defineType } from 'sanity'
import {
  bodyField,
  coverField,
  excerptField,
  publishedAtField,
  slugField,
  titleField,
} from '../lib/fields.ts'
import { previewDate, subtitle } from '../lib/preview.ts'
import { donationProjectStatuses, labelOf, studioList } from '../lib/options.ts'

export const donationProject = defineType({
  name: 'donationProject',
  title: '捐赠项目',
  type: 'document',
  icon: HeartIcon,
  fields: [
    titleField(),
    slugField(),
    publishedAtField(),
    defineField({
      name: 'status',
      title: '状态',
      type: 'string',
      options: { list: studioList(donationProjectStatuses), layout: 'radio', direction: 'horizontal' },
      initialValue: 'open',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'college',
      title: '受益学院',
      description: '留空表示学校层面的项目',
      type: 'reference',
      to: [{ type: 'college' }],
    }),
    defineField({ name: 'designatedUse', title: '资金用途', type: 'text', rows: 3 }),
    defineField({
      name: 'goal',
      title: '筹款目标（元）',
      type: 'number',
      validation: (rule) => rule.min(0),
    }),
    defineField({
      name: 'raised',
      title: '已筹金额（元）',
      type: 'number',
      validation: (rule) => rule.min(0),
    }),
    defineField({
      name: 'donorCount',
      title: '捐赠人次',
      type: 'number',
      validation: (rule) => rule.integer().min(0),
    }),
    excerptField(),
    coverField(),
    bodyField(),
    defineField({
      name: 'howToGive',
      title: '捐赠方式',
      description: '银行账户、线上捐赠入口、联系人等',
      type: 'portableText',
    }),
  ],
  preview: {
    select: {
      title: 'title',
      status: 'status',
      college: 'college.name',
      publishedAt: 'publishedAt',
      media: 'cover',
    },
    prepare: ({ title, status, college, publishedAt, media }) => ({
      title,
      subtitle: subtitle(
        labelOf(donationProjectStatuses, status),
        college ?? '学校',
        previewDate(publishedAt),
      ),
      media,
    }),
  },
})
