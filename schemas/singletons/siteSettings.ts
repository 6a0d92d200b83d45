import { CogIcon } from '@sanity/icons/Cog'
import { defineArrayMember, defineField, defineType } from 'sanity'
import { COLOR_PATTERN } from '../lib/contentRules.ts'

/** The one settings document always has this id; the desk structure opens it directly. */
export const SITE_SETTINGS_ID = 'siteSettings'

export const siteSettings = defineType({
  name: 'siteSettings',
  title: '站点设置',
  type: 'document',
  icon: CogIcon,
  fields: [
    defineField({
      name: 'title',
      title: '站点名称',
      description: '显示在页眉、浏览器标签和分享卡片上',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    defineField({ name: 'tagline', title: '标语', type: 'string' }),
    defineField({
      name: 'description',
      title: '站点简介',
      description: '搜索引擎和分享卡片使用的默认描述',
      type: 'text',
      rows: 3,
    }),
    defineField({ name: 'logo', title: '标志', type: 'imageWithAlt' }),
    defineField({
      name: 'accentColor',
      title: '主题色',
      description: '十六进制颜色，例如 #9b1b30（校色）',
      type: 'string',
      validation: (rule) =>
        rule.regex(COLOR_PATTERN, { name: '十六进制颜色' }).error('请填写 #rgb 或 #rrggbb 格式的颜色'),
    }),
    defineField({ name: 'contact', title: '联系方式', type: 'publicContact' }),
    defineField({
      name: 'channels',
      title: '联络渠道',
      type: 'array',
      of: [defineArrayMember({ type: 'contactChannel' })],
    }),
  ],
  preview: {
    select: { title: 'title', subtitle: 'tagline', media: 'logo' },
  },
})
