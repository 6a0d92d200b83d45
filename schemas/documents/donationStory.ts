import { HeartFilledIcon } from '@sanity/icons/HeartFilled'
import { defineField, defineType } from 'sanity'
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
import { donationKinds, studioList } from '../lib/options.ts'

export const donationStory = defineType({
  name: 'donationStory',
  title: '捐赠故事',
  type: 'document',
  icon: HeartFilledIcon,
  fields: [
    titleField(),
    slugField(),
    publishedAtField(),
    defineField({
      name: 'donor',
      title: '捐赠人',
      type: 'donor',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'kind',
      title: '捐赠类型',
      type: 'string',
      options: { list: studioList(donationKinds), layout: 'radio', direction: 'horizontal' },
      initialValue: 'money',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'amount',
      title: '金额（元）',
      description: '物资或服务可填写折合金额',
      type: 'number',
      validation: (rule) => rule.min(0),
    }),
    defineField({
      name: 'showAmount',
      title: '公开金额',
      description: '取得捐赠人同意后才勾选；不勾选时网站不显示金额',
      type: 'boolean',
      initialValue: false,
    }),
    defineField({
      name: 'project',
      title: '捐赠项目',
      type: 'reference',
      to: [{ type: 'donationProject' }],
    }),
    excerptField(),
    coverField(),
    bodyField(),
    collegesField(),
  ],
  preview: {
    select: {
      title: 'title',
      donorName: 'donor.displayName',
      anonymous: 'donor.anonymous',
      publishedAt: 'publishedAt',
      media: 'cover',
    },
    prepare: ({ title, donorName, anonymous, publishedAt, media }) => ({
      title,
      subtitle: subtitle(anonymous ? '匿名校友' : donorName, previewDate(publishedAt)),
      media,
    }),
  },
})
