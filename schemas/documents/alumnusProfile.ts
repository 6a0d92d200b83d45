import { StarIcon } from '@sanity/icons/Star'
import { defineArrayMember, defineField, defineType } from 'sanity'
import {
  bodyField,
  collegesField,
  excerptField,
  publishedAtField,
  slugField,
  titleField,
} from '../lib/fields.ts'
import { subtitle } from '../lib/preview.ts'
import { degrees, studioList } from '../lib/options.ts'

export const alumnusProfile = defineType({
  name: 'alumnusProfile',
  title: '校友风采',
  type: 'document',
  icon: StarIcon,
  fields: [
    titleField({ name: 'name', title: '姓名' }),
    slugField('name'),
    publishedAtField(),
    defineField({
      name: 'publicConsent',
      title: '本人同意公开',
      description: '只有取得校友本人同意后才能勾选；未勾选的人物介绍不会出现在网站上',
      type: 'boolean',
      initialValue: false,
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'classYear',
      title: '毕业年份（届）',
      description: '用于“届”筛选，例如 1998',
      type: 'number',
      validation: (rule) => rule.required().integer().min(1950).max(2100),
    }),
    defineField({
      name: 'degree',
      title: '学历',
      type: 'string',
      options: { list: studioList(degrees), layout: 'radio', direction: 'horizontal' },
    }),
    defineField({ name: 'major', title: '专业', type: 'string' }),
    collegesField(),
    defineField({
      name: 'headline',
      title: '一句话介绍',
      description: '例如“深圳某芯片公司创始人”',
      type: 'string',
    }),
    defineField({ name: 'portrait', title: '照片', type: 'imageWithAlt' }),
    excerptField(),
    bodyField(),
    defineField({
      name: 'achievements',
      title: '主要成就',
      type: 'array',
      of: [defineArrayMember({ type: 'string' })],
    }),
    defineField({
      name: 'notable',
      title: '杰出校友',
      type: 'boolean',
      initialValue: false,
    }),
    defineField({
      name: 'contact',
      title: '联系方式（仅内部使用）',
      description: '⚠ 内部资料：仅供校友会工作人员联络本人，永远不会在网站、订阅或导出页面上公开',
      type: 'alumnusContact',
      options: { collapsible: true, collapsed: true },
    }),
  ],
  orderings: [
    { title: '届别（新→旧）', name: 'classYearDesc', by: [{ field: 'classYear', direction: 'desc' }] },
  ],
  preview: {
    select: {
      title: 'name',
      classYear: 'classYear',
      headline: 'headline',
      publicConsent: 'publicConsent',
      media: 'portrait',
    },
    prepare: ({ title, classYear, headline, publicConsent, media }) => ({
      title,
      subtitle: subtitle(
        classYear ? `${classYear} 届` : undefined,
        headline,
        publicConsent ? undefined : '未获公开同意',
      ),
      media,
    }),
  },
})
