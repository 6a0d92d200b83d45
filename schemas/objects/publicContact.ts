import { EnvelopeIcon } from '@sanity/icons/Envelope'
import { defineField, defineType } from 'sanity'

export const publicContact = defineType({
  name: 'publicContact',
  title: '公开联系方式',
  description: '只填写办公室等公开的联系方式，会显示在网站上',
  type: 'object',
  icon: EnvelopeIcon,
  fields: [
    defineField({
      name: 'email',
      title: '电子邮箱',
      type: 'string',
      validation: (rule) => rule.email(),
    }),
    defineField({ name: 'phone', title: '电话', type: 'string' }),
    defineField({ name: 'address', title: '地址', type: 'string' }),
    defineField({
      name: 'url',
      title: '网址',
      type: 'url',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }),
    }),
  ],
  preview: {
    select: { email: 'email', phone: 'phone', address: 'address' },
    prepare: ({ email, phone, address }) => ({ title: email || phone || address || '（未填写）' }),
  },
})
