import { ImageIcon } from '@sanity/icons/Image'
import { defineField, defineType } from 'sanity'

export const imageWithAlt = defineType({
  name: 'imageWithAlt',
  title: '图片',
  type: 'image',
  icon: ImageIcon,
  options: { hotspot: true },
  fields: [
    defineField({
      name: 'alt',
      title: '替代文字',
      description: '描述图片内容，供读屏软件朗读、图片加载失败时显示，例如“2025 年校友返校日合影”',
      type: 'string',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'caption',
      title: '图片说明',
      description: '显示在图片下方，可注明拍摄者或来源',
      type: 'string',
    }),
  ],
  validation: (rule) =>
    rule
      .custom((value: { asset?: unknown } | undefined) =>
        !value || value.asset ? true : '已填写文字但还没有上传图片',
      )
      .warning(),
  preview: {
    select: { title: 'alt', subtitle: 'caption', media: 'asset' },
    prepare: ({ title, subtitle, media }) => ({ title: title || '（缺少替代文字）', subtitle, media }),
  },
})
